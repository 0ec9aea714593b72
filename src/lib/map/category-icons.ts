/**
 * Category icons for elements built outside Svelte (the map's markers): the markup of the same
 * CategoryIcon component the lists show, rendered once per category in the browser.
 */
import { flushSync, mount, unmount } from 'svelte';
import CategoryIcon from '$lib/components/CategoryIcon.svelte';
import type { Category } from '$lib/merchants/vocabulary';

const markup = new Map<Category, string>();

/** The SVG markup of a category's icon (browser only). */
export function categoryIconMarkup(category: Category): string {
	let svg = markup.get(category);
	if (svg === undefined) {
		const target = document.createElement('div');
		const icon = mount(CategoryIcon, { target, props: { category, size: 18 } });
		flushSync();
		svg = target.innerHTML;
		void unmount(icon);
		markup.set(category, svg);
	}
	return svg;
}
