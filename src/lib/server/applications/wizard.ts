/**
 * The application wizard's pages and posts (routes/merchant/shops/…): one step a page, each a
 * plain POST form. "Next" checks the step's fields fully and saves them; "save as draft" and
 * "back" save what is filled in correctly (on a pending application, only a complete step);
 * errors come back beside their fields with everything typed. The last step submits the
 * application for review (or, for an approved listing, its revision, whole).
 *
 * Both answer with a result; the routes turn it into the HTTP answer (routes/merchant/shops/
 * wizard.server.ts): a page, a refusal beside the fields, a redirect or an error.
 */
import type { Database } from '../db/client';
import type { SessionUser } from '../auth/session';
import { communeCentre, communesByPostalCode } from '../geo/communes';
import {
	APPLICATION_STEPS,
	STEP_FIELDS,
	stepOfField,
	type ApplicationErrors,
	type ApplicationForm,
	type ApplicationStep,
	type CommuneChoice
} from '../../applications/fields';
import {
	applicationToForm,
	parseApplication,
	readApplicationForm,
	type ParseMode
} from '../../applications/parse';
import { copyMondayInForm } from '../../applications/hours-editor';
import type { StepRefusal, WizardPage } from '../../applications/wizard-page';
import { incompleteSteps } from './dashboard';
import { ownListing, workingCopy } from './queries';
import { saveDraft, submit, submitRevision } from './workflow';

/** Where the position step's map starts when nothing better is known: Paris, Hôtel de Ville. */
const PARIS_CENTRE = { lat: 48.8566, lon: 2.3522 };

/** Where a wizard page or post leads instead of its own answer (`go`: a path without locale). */
export type WizardElsewhere =
	{ type: 'go'; path: string } | { type: 'not_found' } | { type: 'forbidden' };

export type WizardPageResult = { type: 'page'; page: WizardPage } | WizardElsewhere;

export type WizardStepResult =
	/** The position was set from the commune's centre: the step shows again, with it. */
	| { type: 'centred'; answer: { step: ApplicationStep; centred: true; values: ApplicationForm } }
	/** Monday's hours were copied to the other days (no JavaScript): the step again, unsaved. */
	| { type: 'copied'; answer: { step: ApplicationStep; copied: true; values: ApplicationForm } }
	| { type: 'refused'; refusal: StepRefusal }
	| WizardElsewhere;

const DASHBOARD = '/merchant';
const go = (path: string) => ({ type: 'go', path }) as const;
const stepPath = (id: number, step: ApplicationStep) => `/merchant/shops/${id}/${step}`;

function choicesFor(postalCode: string): CommuneChoice[] {
	const list = communesByPostalCode(postalCode);
	return list.length > 1
		? list.map((c) => ({ code: c.code, name: c.name, departement: c.departement }))
		: [];
}

export async function wizardPage(
	db: Database,
	user: SessionUser,
	merchantId: number | null,
	step: ApplicationStep
): Promise<WizardPageResult> {
	if (merchantId === null) {
		const blank: WizardPage = {
			merchantId: null,
			status: 'draft',
			step,
			incomplete: [...APPLICATION_STEPS],
			form: applicationToForm({}),
			communeChoices: [],
			communeCentre: null,
			mapStart: { ...PARIS_CENTRE, zoom: 12 },
			communeName: null,
			revisionPending: false
		};
		return { type: 'page', page: blank };
	}
	// None, or not theirs: the same 404.
	const listing = await ownListing(db, user.id, merchantId);
	if (!listing) return { type: 'not_found' };
	const status = listing.merchant.status;
	if (status === 'rejected' || status === 'suspended') return go(DASHBOARD);
	const values = workingCopy(listing);
	const centre = values.communeCode ? communeCentre(values.communeCode) : null;
	const hasPosition = values.latitude != null && values.longitude != null;
	const page: WizardPage = {
		merchantId,
		status,
		step,
		incomplete: incompleteSteps(values),
		form: applicationToForm(values),
		communeChoices: values.postalCode ? choicesFor(values.postalCode) : [],
		communeCentre: centre,
		mapStart: hasPosition
			? { lat: values.latitude!, lon: values.longitude!, zoom: 17 }
			: centre
				? { ...centre, zoom: 15 }
				: { ...PARIS_CENTRE, zoom: 11 },
		communeName: values.communeName ?? null,
		revisionPending: listing.revision?.status === 'pending'
	};
	return { type: 'page', page };
}

type Intent = 'next' | 'back' | 'draft' | 'centre' | 'copy_monday' | 'submit';
const INTENTS: readonly Intent[] = ['next', 'back', 'draft', 'centre', 'copy_monday', 'submit'];

/** A refused step: the errors and everything typed, and the commune choice when needed. */
function refuse(
	step: ApplicationStep,
	errors: ApplicationErrors,
	values: ApplicationForm,
	communeChoices: CommuneChoice[] = choicesFor(values.postalCode ?? '')
): WizardStepResult {
	const stepsWithErrors = [...new Set(Object.keys(errors).map(stepOfField))];
	return { type: 'refused', refusal: { step, errors, values, communeChoices, stepsWithErrors } };
}

/** A step's POST: saves, then goes on (`go`), or shows the step again (centred, refused). */
export async function wizardAction(
	db: Database,
	user: SessionUser,
	merchantId: number | null,
	step: ApplicationStep,
	data: FormData
): Promise<WizardStepResult> {
	const posted = readApplicationForm(data);
	const intentValue = data.get('intent');
	const intent: Intent = INTENTS.find((i) => i === intentValue) ?? 'next';
	if (merchantId === null && step !== 'shop') return { type: 'not_found' };
	const listing = merchantId === null ? null : await ownListing(db, user.id, merchantId);
	if (merchantId !== null && !listing) return { type: 'not_found' };

	if (intent === 'copy_monday' && step === 'hours') {
		// The hours editor's copy button without JavaScript: the form again, nothing saved yet.
		return {
			type: 'copied',
			answer: { step, copied: true, values: copyMondayInForm(posted) }
		};
	}
	let fields = STEP_FIELDS[step];
	if (intent === 'centre') {
		// The position from the commune's centre (the map could not be used).
		const stored = listing ? workingCopy(listing) : {};
		const centre = stored.communeCode ? communeCentre(stored.communeCode) : null;
		if (!centre) return refuse(step, { position: 'position_required' }, posted);
		posted.latitude = String(centre.lat);
		posted.longitude = String(centre.lon);
		fields = ['latitude', 'longitude'];
	}
	// A pending application is only saved complete (the state machine refuses less): every
	// intent checks its step as "next" does, so the errors come back beside their fields.
	const complete =
		intent === 'next' || intent === 'submit' || listing?.merchant.status === 'pending';
	const mode: ParseMode = complete ? 'complete' : 'draft';
	const parsed = parseApplication(posted, fields, { mode, communes: communesByPostalCode });
	if (!parsed.ok) return refuse(step, parsed.errors, posted, parsed.communeChoices);

	const saved = await saveDraft(db, user, { merchantId, values: parsed.values });
	if (!saved.ok) {
		if (saved.reason === 'not_found' || saved.reason === 'forbidden') return { type: saved.reason };
		if (saved.reason === 'invalid') return refuse(step, saved.errors, posted);
		return go(DASHBOARD);
	}
	const id = saved.merchant.id;
	const status = saved.merchant.status;
	const index = APPLICATION_STEPS.indexOf(step);

	if (intent === 'centre') {
		return { type: 'centred', answer: { step, centred: true, values: posted } };
	}
	if (intent === 'back') return go(stepPath(id, APPLICATION_STEPS[Math.max(0, index - 1)]));
	if (intent === 'draft') {
		return go(`${DASHBOARD}?done=${status === 'approved' ? 'revision_saved' : 'saved'}`);
	}
	if (intent === 'next') {
		return go(stepPath(id, APPLICATION_STEPS[Math.min(index + 1, APPLICATION_STEPS.length - 1)]));
	}
	// The last step: send a draft (or an application with changes asked) for review, or the
	// revision of an approved listing, whole.
	if (status === 'approved') {
		const sent = await submitRevision(db, user, id);
		if (sent.ok) return go(`${DASHBOARD}?done=revision`);
		if (sent.reason === 'invalid') return refuse(step, sent.errors, posted);
		return go(DASHBOARD);
	}
	if (status !== 'draft' && status !== 'changes_requested') {
		return go(`${DASHBOARD}?done=saved`);
	}
	const submitted = await submit(db, user, id);
	if (!submitted.ok) {
		if (submitted.reason === 'invalid') return refuse(step, submitted.errors, posted);
		return go(DASHBOARD);
	}
	return go(`${DASHBOARD}?done=submitted`);
}
