/**
 * How each category looks on the map and in lists: a colour (AA contrast with white text and icons).
 * Its icon is $lib/components/CategoryIcon.svelte.
 */
import type { Category } from './vocabulary';

export const CATEGORY_STYLE: Record<Category, { color: string }> = {
	department_store: { color: '#8e3b9d' },
	luxury_fashion: { color: '#6b4f1d' },
	cosmetics_pharmacy: { color: '#b0306a' },
	food_wine: { color: '#8a2c2c' },
	restaurant_cafe: { color: '#b34700' },
	hotel: { color: '#1f5fa8' },
	museum_attraction: { color: '#3d5a80' },
	kids_baby: { color: '#2a7a6f' },
	electronics: { color: '#37474f' },
	souvenirs: { color: '#9c4f00' },
	services: { color: '#4a5a23' }
};
