/**
 * The error summary at the top of a refused form (GOV.UK's pattern): one line per field the
 * server refused, each linked to that field's control, so that a visitor on a phone, whose
 * screen shows the submit button and not the fields above it, sees what to fix and can jump
 * to it. Each form lists its fields in page order; this module only keeps those in error.
 */

/**
 * The id of a field's control: the summary links to it, the field's label points at it. A group
 * of checkboxes or radios sharing a name tells them apart by value.
 */
export const fieldId = (name: string, value?: string) =>
	value === undefined ? `field-${name}` : `field-${name}-${value}`;

/** A control's aria-describedby: its hint and its error, when it has them (ids as the fields write them). */
export const describedBy = (id: string, hint?: string, error?: string) =>
	[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/**
 * One refused field: where it is ('#' and its control's id; a step of the wizard shown on
 * another page is that page's address), its label and the error in the page's language.
 */
export interface SummaryItem {
	href: string;
	label: string;
	message: string;
}

/**
 * The summary's lines for a form's fields in page order, given as [control id, label, error]:
 * a field whose error is empty is fine and left out.
 */
export function summaryItems(
	fields: readonly (readonly [target: string, label: string, message: string | undefined | null])[]
): SummaryItem[] {
	return fields.flatMap(([target, label, message]) =>
		message ? [{ href: `#${target}`, label, message }] : []
	);
}
