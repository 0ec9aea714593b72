/** What a section asks of the page for a folded table (MetricsTable's `folded`). */
export type Fold = (
	id: string,
	summary: string
) => { summary: string; dataHref: string; pageHref: string };
