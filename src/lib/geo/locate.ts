import type { LatLon } from '$lib/merchants/map-state';
import { isInIdf } from './idf';

/**
 * The visitor's position for "near me", rounded to about a metre, or why there is none: the
 * browser cannot tell (no geolocation, refused, timed out) or the visitor is outside
 * Île-de-France. Loaded when the button is pressed (the home page's first view does not need it).
 */
export function locateVisitor(): Promise<LatLon | 'unavailable' | 'outside'> {
	if (!('geolocation' in navigator)) return Promise.resolve('unavailable');
	return new Promise((resolve) =>
		navigator.geolocation.getCurrentPosition(
			(position) => {
				const near: LatLon = {
					lat: Number(position.coords.latitude.toFixed(5)),
					lon: Number(position.coords.longitude.toFixed(5))
				};
				resolve(isInIdf(near.lat, near.lon) ? near : 'outside');
			},
			() => resolve('unavailable'),
			{ enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 }
		)
	);
}
