/**
 * A place's name as a sentence needs it after "near": in Chinese the name itself (卢浮宫, as in
 * 卢浮宫附近); in French with "de" contracted with the article the name carries ('le Louvre'
 * → 'du Louvre', 'les Invalides' → 'des Invalides', 'la tour Eiffel' → 'de la tour Eiffel',
 * "l'Opéra Garnier" → "de l'Opéra Garnier", 'Montmartre' → 'de Montmartre').
 */
import type { PlaceCard } from '../merchants/cards';

export function placeAfterNear(place: PlaceCard, locale: string): string {
	if (locale !== 'fr') return place.zhHans;
	const name = place.fr;
	if (name.startsWith('le ')) return `du ${name.slice(3)}`;
	if (name.startsWith('les ')) return `des ${name.slice(4)}`;
	if (name.startsWith('la ') || /^l['’]/.test(name)) return `de ${name}`;
	return /^[aeiouyéèêâîôûh]/i.test(name) ? `d’${name}` : `de ${name}`;
}
