import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { readForm, textField } from '$lib/server/forms';
import { parseId } from '$lib/id';
import { param, parseQuery } from '$lib/query';
import { merchantDashboard } from '$lib/server/applications/dashboard';
import { localizeHref } from '$lib/i18n/paths';
import {
	reapply,
	submitRevision,
	withdraw,
	withdrawRevision,
	reconfirmByOwner,
	type WorkflowResult
} from '$lib/server/applications/workflow';
import { openReportsOf } from '$lib/server/reports/tourist';

/** `?done=…`: what the wizard just did (see $lib/server/applications/wizard), for a confirmation. */
const dashboardQuery = v.object({
	done: param(v.picklist(['submitted', 'saved', 'revision', 'revision_saved']), null)
});

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, ['merchant']);
	return {
		shops: await merchantDashboard(await getDb(), user.id),
		done: parseQuery(dashboardQuery, event.url.searchParams).values.done
	};
};

/** Runs a merchant action on one of their listings named by the posted `id`. */
async function onListing(
	event: RequestEvent,
	run: (
		db: Awaited<ReturnType<typeof getDb>>,
		user: ReturnType<typeof requireUser>,
		id: number
	) => Promise<WorkflowResult>,
	done: string
) {
	const user = requireUser(event, ['merchant']);
	const id = parseId(textField(await readForm(event), 'id'));
	if (id === null) error(404);
	const result = await run(await getDb(), user, id);
	if (!result.ok) {
		if (result.reason === 'not_found') error(404);
		if (result.reason === 'forbidden') error(403);
		const refused = result.reason === 'invalid' ? 'incomplete' : result.reason;
		return fail(409, { id, refused });
	}
	return { id, done };
}

export const actions: Actions = {
	withdraw: (event) => onListing(event, withdraw, 'withdrawn'),
	withdrawRevision: (event) => onListing(event, withdrawRevision, 'revision_withdrawn'),
	submitRevision: (event) => onListing(event, submitRevision, 'revision'),
	/** "Still accepting Alipay": verified today (an open tourist report stays for an official). */
	reconfirm: async (event) => {
		const answer = await onListing(event, reconfirmByOwner, 'reconfirmed');
		if ('done' in answer && (await openReportsOf(await getDb(), [answer.id])).has(answer.id)) {
			return { ...answer, done: 'reconfirmed_reported' };
		}
		return answer;
	},
	/** A new application from a refused one: the same fields, in the wizard, from its first step. */
	reapply: async (event) => {
		const answer = await onListing(event, reapply, 'reapplied');
		if ('done' in answer) redirect(303, localizeHref(`/merchant/shops/${answer.id}/shop`));
		return answer;
	}
};
