/**
 * The application wizard's pages and posts (routes/merchant/shops/…): one step a page, each a
 * plain POST form. "Next" checks the step's fields fully and saves them; "save as draft" and
 * "back" save what is filled in correctly; errors come back beside their fields with everything
 * typed. The last step submits the application for review.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
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
import type { ListingStatus } from '../../merchants/vocabulary';
import { incompleteSteps } from './dashboard';
import { ownListing, workingCopy } from './queries';
import { saveDraft, submit } from './workflow';

/** Where the position step's map starts when nothing better is known: Paris, Hôtel de Ville. */
const PARIS_CENTRE = { lat: 48.8566, lon: 2.3522 };

export interface WizardPage {
	merchantId: number | null;
	status: ListingStatus;
	step: ApplicationStep;
	/** The steps still lacking something before submission. */
	incomplete: ApplicationStep[];
	/** The application as stored, as the forms show it. */
	form: ApplicationForm;
	communeChoices: CommuneChoice[];
	/** The stored commune's centre, when known ("use the commune centre"). */
	communeCentre: { lat: number; lon: number } | null;
	/** Where the map starts: the stored position, else the commune centre, else Paris. */
	mapStart: { lat: number; lon: number; zoom: number };
	/** The stored commune, for the review and position steps. */
	communeName: string | null;
	/** An approved listing: the wizard writes a revision; one is pending. */
	revisionPending: boolean;
}

const stepPath = (id: number, step: ApplicationStep) => `/merchant/shops/${id}/${step}`;

function choicesFor(postalCode: string): CommuneChoice[] {
	const list = communesByPostalCode(postalCode);
	return list.length > 1
		? list.map((c) => ({ code: c.code, name: c.name, departement: c.departement }))
		: [];
}

/** The merchant's listing named in the URL, or a 404 (none, or not theirs). */
async function ownOr404(db: Database, user: SessionUser, id: number) {
	const listing = await ownListing(db, user.id, id);
	if (!listing) error(404);
	return listing;
}

export async function wizardPage(
	db: Database,
	user: SessionUser,
	merchantId: number | null,
	step: ApplicationStep
): Promise<WizardPage> {
	if (merchantId === null) {
		return {
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
	}
	const listing = await ownOr404(db, user, merchantId);
	const status = listing.merchant.status;
	if (status === 'rejected' || status === 'suspended') redirect(303, localizeHref('/merchant'));
	const values = workingCopy(listing);
	const centre = values.communeCode ? communeCentre(values.communeCode) : null;
	const hasPosition = values.latitude != null && values.longitude != null;
	return {
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
		revisionPending: Boolean(listing.revision)
	};
}

type Intent = 'next' | 'back' | 'draft' | 'centre' | 'submit';
const INTENTS: readonly Intent[] = ['next', 'back', 'draft', 'centre', 'submit'];

/** A refused step: the errors and everything typed, and the commune choice when needed. */
function refuse(
	step: ApplicationStep,
	errors: ApplicationErrors,
	values: ApplicationForm,
	communeChoices: CommuneChoice[] = choicesFor(values.postalCode ?? '')
) {
	const stepsWithErrors = [...new Set(Object.keys(errors).map(stepOfField))];
	return fail(400, { step, errors, values, communeChoices, stepsWithErrors });
}

/** Handles a step's POST: saves, then goes on (redirect) or answers with errors. */
export async function wizardAction(
	db: Database,
	user: SessionUser,
	merchantId: number | null,
	step: ApplicationStep,
	data: FormData
) {
	const posted = readApplicationForm(data);
	const intentValue = data.get('intent');
	const intent: Intent = INTENTS.find((i) => i === intentValue) ?? 'next';
	if (merchantId === null && step !== 'shop') error(404);
	const listing = merchantId === null ? null : await ownOr404(db, user, merchantId);

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
	const mode: ParseMode = intent === 'next' || intent === 'submit' ? 'complete' : 'draft';
	const parsed = parseApplication(posted, fields, { mode, communes: communesByPostalCode });
	if (!parsed.ok) return refuse(step, parsed.errors, posted, parsed.communeChoices);

	const saved = await saveDraft(db, user, { merchantId, values: parsed.values });
	if (!saved.ok) {
		if (saved.reason === 'not_found') error(404);
		if (saved.reason === 'forbidden') error(403);
		if (saved.reason === 'invalid') return refuse(step, saved.errors, posted);
		redirect(303, localizeHref('/merchant'));
	}
	const id = saved.merchant.id;
	const status = saved.merchant.status;
	const index = APPLICATION_STEPS.indexOf(step);

	if (intent === 'centre') return { step, centred: true, values: posted };
	if (intent === 'back') {
		redirect(303, localizeHref(stepPath(id, APPLICATION_STEPS[Math.max(0, index - 1)])));
	}
	if (intent === 'draft') redirect(303, localizeHref(`/merchant?done=${doneOf(status, 'saved')}`));
	if (intent === 'next') {
		const next = APPLICATION_STEPS[Math.min(index + 1, APPLICATION_STEPS.length - 1)];
		redirect(303, localizeHref(stepPath(id, next)));
	}
	// The last step: send a draft (or an application with changes asked) for review.
	if (status !== 'draft' && status !== 'changes_requested') {
		redirect(303, localizeHref(`/merchant?done=${doneOf(status, 'saved')}`));
	}
	const submitted = await submit(db, user, id);
	if (!submitted.ok) {
		if (submitted.reason === 'invalid') return refuse(step, submitted.errors, posted);
		redirect(303, localizeHref('/merchant'));
	}
	redirect(303, localizeHref('/merchant?done=submitted'));
}

/** What the dashboard confirms after a save: a revision of an approved listing, or a draft. */
function doneOf(status: ListingStatus, otherwise: string): string {
	return status === 'approved' ? 'revision' : otherwise;
}
