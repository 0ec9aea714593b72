/** How each category looks on the map and in lists: a colour (AA contrast with white text) and an icon. */
import type { Category } from './vocabulary';

export const CATEGORY_STYLE: Record<Category, { color: string; icon: string }> = {
	department_store: { color: '#8e3b9d', icon: '🏬' },
	luxury_fashion: { color: '#6b4f1d', icon: '👜' },
	cosmetics_pharmacy: { color: '#b0306a', icon: '💄' },
	food_wine: { color: '#8a2c2c', icon: '🍷' },
	restaurant_cafe: { color: '#b34700', icon: '🍜' },
	hotel: { color: '#1f5fa8', icon: '🏨' },
	museum_attraction: { color: '#3d5a80', icon: '🏛️' },
	kids_baby: { color: '#2a7a6f', icon: '🧸' },
	electronics: { color: '#37474f', icon: '📱' },
	souvenirs: { color: '#9c4f00', icon: '🎁' },
	services: { color: '#4a5a23', icon: '🛎️' }
};
