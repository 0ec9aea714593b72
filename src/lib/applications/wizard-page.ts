/**
 * What the application wizard's pages receive from the server ($lib/server/applications/wizard):
 * the page's data, and the answer to a refused step. Shared with the wizard's components.
 */
import type { ApplicationErrors, ApplicationForm, ApplicationStep, CommuneChoice } from './fields';
import type { ListingStatus } from '../merchants/vocabulary';

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

/** A step's post that was refused: the errors and everything typed, and the commune choice. */
export interface StepRefusal {
	step: ApplicationStep;
	errors: ApplicationErrors;
	values: ApplicationForm;
	communeChoices: CommuneChoice[];
	stepsWithErrors: ApplicationStep[];
}
