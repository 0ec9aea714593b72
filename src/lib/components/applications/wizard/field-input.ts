/**
 * The props of a wizard step's input as the field table describes it: name, label, maxlength,
 * required, and what was typed and the server's error for it.
 */
import {
	fieldSpec,
	type ApplicationErrors,
	type ApplicationField,
	type ApplicationForm
} from '$lib/applications/fields';
import { applicationError, inputLabel } from '$lib/i18n/application-labels';

export function fieldInput(values: ApplicationForm, errors: ApplicationErrors) {
	return (field: ApplicationField) => ({
		name: field,
		label: inputLabel(field),
		maxlength: fieldSpec(field).maxLength,
		required: fieldSpec(field).required !== 'optional',
		value: values[field],
		error: applicationError(errors[field])
	});
}
