/** Which cashier card a merchant page opens (`?card=alipay`, `?card=taxfree`), if any. */
export type CashierCardKind = 'alipay' | 'taxfree';

/**
 * Read from the URL by the server (to count the opening) and by the page (to show it), so that
 * a card also opens on a page shown from its offline copy.
 */
export function cashierCard(params: URLSearchParams, taxFree: boolean): CashierCardKind | null {
	const card = params.get('card');
	if (card === 'alipay') return card;
	if (card === 'taxfree' && taxFree) return card;
	return null;
}
