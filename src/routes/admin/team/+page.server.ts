import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/admin/access';
import { inviteOfficial, setMemberActive, teamMembers } from '$lib/server/admin/team';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
	const user = requireAdmin(event);
	return { members: await teamMembers(await getDb()), me: user.id };
};

async function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const user = requireAdmin(event);
	const data = await readForm(event);
	const result = await setMemberActive(await getDb(), user, textField(data, 'userId'), active);
	if (!result.ok) {
		if (result.reason === 'not_found') error(404);
		return fail(400, { member: { refused: 'self' as const } });
	}
	return { member: { done: active ? ('reactivated' as const) : ('deactivated' as const) } };
}

export const actions: Actions = {
	invite: async (event) => {
		const user = requireAdmin(event);
		const data = await readForm(event);
		const values = {
			email: textField(data, 'email'),
			displayName: textField(data, 'displayName'),
			locale: textField(data, 'locale')
		};
		const result = await inviteOfficial(await getDb(), user, values);
		if (!result.ok) return fail(400, { invite: { errors: result.errors, values } });
		return { invite: { sent: result.email } };
	},
	deactivate: (event) => setActive(event, false),
	reactivate: (event) => setActive(event, true)
};
