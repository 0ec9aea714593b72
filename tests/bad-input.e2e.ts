/**
 * Bad input through the real server (issue 15, "keep the probes" 2): a sample of generated
 * values — the same kinds as src/lib/server/bad-input.db.test.ts, which tries 1,000s on the
 * domain functions — posted to every form action and public endpoint as a client would send
 * them, wrongly encoded, duplicated, as files where text is expected. Never a 5xx.
 *
 * The server is shared with the other specs, all from one address: inputs that would count
 * against the login, reset or registration limits (a well-formed address and a password) are
 * made invalid first, so this spec never locks the others out.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { DEMO_ACCOUNTS } from './demo-accounts';

/** BAD_INPUT_HTTP_RUNS=n for more (or fewer) per target. */
const RUNS = Number(process.env.BAD_INPUT_HTTP_RUNS ?? 40);
const SEED = Number(process.env.BAD_INPUT_SEED ?? Date.now() % 1_000_000);

const NASTY = ['\u0000', '\u0007', '\u007f', '\u0085', '\u200f', '\u202e', '\ufeff', '\ud800'];
const nastyChar = fc.constantFrom(
	...NASTY,
	'\r\n',
	'"',
	"'",
	'<',
	'&',
	'%',
	'=',
	';',
	'中',
	'😀',
	'👨‍👩‍👧',
	'a',
	'1'
);
const nasty = fc.oneof(
	fc.string({ unit: nastyChar, maxLength: 30 }),
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)),
	fc.constantFrom('', '[]', '{}', 'null', '-1', '1e309', '%00', '%ZZ')
);
/** Always refused before any limit counts: it holds a character no field accepts. */
const refusedText = fc
	.tuple(nasty, fc.constantFrom('\u0000', '\u0007', '\u007f'))
	.map(([s, c]) => `${s}${c}`);

type Field = [name: string, value: string | { file: string }];
/** A body as a client may send it: urlencoded or multipart, duplicated names, files for text. */
function bodyOf(fields: Field[], multipart: boolean): { data: string | Buffer; type: string } {
	if (!multipart) {
		const params = new URLSearchParams();
		for (const [name, value] of fields)
			params.append(name, typeof value === 'string' ? value : value.file);
		return { data: params.toString(), type: 'application/x-www-form-urlencoded' };
	}
	const boundary = 'probe7MA4YWxkTrZu0gW';
	const parts = fields.map(([name, value]) =>
		typeof value === 'string'
			? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
			: `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.file}"\r\nContent-Type: text/csv\r\n\r\n${value.file}\r\n`
	);
	return {
		data: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
		type: `multipart/form-data; boundary=${boundary}`
	};
}

/** Generated forms: the given fields (each maybe twice, maybe a file), plus stray ones. */
function forms(fields: Record<string, fc.Arbitrary<string>>) {
	const entries = Object.entries(fields).map(([name, value]) =>
		fc
			.tuple(value, fc.nat({ max: 2 }), fc.boolean())
			.map(([v, times, file]): Field[] =>
				Array.from({ length: times === 0 ? 1 : times }, () => [
					name,
					file && times === 2 ? { file: v } : v
				])
			)
	);
	return fc
		.tuple(fc.tuple(...entries), fc.array(fc.tuple(nasty, nasty), { maxLength: 3 }), fc.boolean())
		.map(([known, stray, multipart]) => bodyOf([...known.flat(), ...stray], multipart));
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, salt: number) =>
	fc.sample(arbitrary, { numRuns: RUNS, seed: SEED + salt });

/** Posts each generated body to the path; collects any 5xx. */
async function postAll(
	request: APIRequestContext,
	baseURL: string,
	path: string,
	bodies: { data: string | Buffer; type: string }[],
	errors: string[]
) {
	for (const body of bodies) {
		const response = await request.post(path, {
			data: body.data,
			headers: { origin: baseURL, 'content-type': body.type, accept: 'text/html' },
			maxRedirects: 0
		});
		if (response.status() >= 500) {
			errors.push(`POST ${path} → ${response.status()}: ${String(body.data).slice(0, 80)}`);
		}
	}
}

async function getAll(request: APIRequestContext, paths: string[], errors: string[]) {
	for (const path of paths) {
		const response = await request.get(path, { maxRedirects: 0 });
		if (response.status() >= 500) errors.push(`GET ${path.slice(0, 120)} → ${response.status()}`);
	}
}

/** Percent-encoded as a browser would (a lone surrogate becomes U+FFFD on its way). */
const encode = (s: string) => encodeURIComponent(s.toWellFormed());
const query = (entries: [string, string][]) =>
	entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
/** Query strings as URLs carry them, malformed escapes and lone surrogates included. */
const queries = (names: string[]) =>
	fc.oneof(
		fc
			.array(fc.tuple(fc.oneof(fc.constantFrom(...names), nasty), nasty), { maxLength: 6 })
			.map((e) => {
				try {
					return query(e);
				} catch {
					return e.map(([k, v]) => `${k}=${v}`).join('&'); // a lone surrogate: sent raw
				}
			}),
		fc.constantFrom(
			'q=%ZZ',
			'q=%E0%A4%A',
			'q=%ED%A0%80',
			'bbox=1,2,3',
			'view=99/999/999',
			'page=-1'
		)
	);

test('anonymous forms and public endpoints: never a 5xx', async ({ request, baseURL }) => {
	test.setTimeout(600_000);
	const errors: string[] = [];
	const email = fc.oneof(
		refusedText,
		refusedText.map((s) => `${s}@example.fr`)
	);
	await postAll(
		request,
		baseURL!,
		'/fr/login',
		sample(forms({ email, password: nasty }), 1),
		errors
	);
	await postAll(request, baseURL!, '/fr/forgot-password', sample(forms({ email }), 2), errors);
	await postAll(
		request,
		baseURL!,
		'/fr/register',
		sample(forms({ email, locale: nasty, consent: nasty }), 3),
		errors
	);
	const link = forms({ password: nasty, passwordConfirm: nasty });
	for (const [i, path] of [
		'/fr/reset-password/pas-un-jeton',
		'/fr/register/pas-un-jeton',
		'/fr/invitation/pas-un-jeton',
		'/zh/unlock/pas-un-jeton'
	].entries()) {
		await postAll(request, baseURL!, path, sample(link, 10 + i), errors);
	}
	const filters = [
		'q',
		'cat',
		'pay',
		'open',
		'taxfree',
		'zh',
		'near',
		'view',
		'map',
		'page',
		'bbox',
		'zoom'
	];
	await getAll(
		request,
		sample(queries(filters), 20).map((q) => `/zh?${q}`),
		errors
	);
	await getAll(
		request,
		sample(queries(filters), 21).map((q) => `/api/list?bbox=2.25,48.83,2.42,48.9&${q}`),
		errors
	);
	await getAll(
		request,
		sample(queries(filters), 22).map((q) => `/api/map?${q}`),
		errors
	);
	await getAll(
		request,
		sample(nasty, 23).map(
			(s) => `/api/listings/${encode(s).slice(0, 200)}?${query([['near', s]])}`
		),
		errors
	);
	await getAll(
		request,
		sample(nasty, 24).map((s) => `/zh/merchants/${encode(s).slice(0, 200) || 'x'}`),
		errors
	);
	expect(errors).toEqual([]);
});

test('signed-in forms (merchant, official, admin): never a 5xx', async ({
	playwright,
	baseURL
}) => {
	test.setTimeout(600_000);
	const errors: string[] = [];
	const signedIn = async (who: 'merchant' | 'official' | 'admin') => {
		const context = await playwright.request.newContext({ baseURL });
		const [email, password] = DEMO_ACCOUNTS[who];
		const response = await context.post('/fr/login', {
			form: { email, password },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		return context;
	};

	const wizard = forms({
		legalName: refusedText,
		siret: nasty,
		tradeNameFr: nasty,
		tradeNameZh: nasty,
		category: nasty,
		intent: fc.constantFrom('next', 'draft', 'back', 'centre', 'copy_monday', 'submit'),
		address: nasty,
		postalCode: nasty,
		website: nasty,
		openingHoursRaw: nasty,
		paymentMethods: nasty
	});
	const csv = fc
		.tuple(nasty, fc.array(fc.array(nasty, { maxLength: 8 }), { maxLength: 5 }))
		.map(([head, rows]) => [head, ...rows.map((r) => r.join(';'))].join('\n'));
	const pages = (path: string, names: string[]) => queries(names).map((q) => `${path}?${q}`);
	/**
	 * Per role, what is posted (a refused field keeps every draft, target or invitation unwritten)
	 * and which pages are asked for with generated query strings.
	 */
	const PROBES: {
		who: 'merchant' | 'official' | 'admin';
		posts: [string, fc.Arbitrary<{ data: string | Buffer; type: string }>][];
		gets: fc.Arbitrary<string>[];
	}[] = [
		{
			who: 'merchant',
			posts: [
				['/fr/merchant/shops/new', wizard],
				['/fr/merchant?/withdraw', forms({ id: nasty })],
				['/fr/account?/locale', forms({ locale: refusedText })]
			],
			gets: [nasty.map((s) => `/api/communes?${query([['postalCode', s]])}`)]
		},
		{
			who: 'official',
			posts: [
				[
					'/fr/admin/merchants/999999?/reject',
					forms({ version: nasty, reasonCode: nasty, reasonText: nasty })
				],
				['/fr/admin/queue?/bulkApprove', forms({ select: nasty })],
				['/fr/admin/imports?/upload', forms({ acquirer: refusedText, file: csv })]
			],
			gets: [
				pages('/fr/admin/search', ['q', 'status']),
				pages('/fr/admin/audit', ['actor', 'action', 'merchant', 'from', 'to', 'page']),
				pages('/fr/admin/metrics', ['from', 'to', 'step', 'min'])
			]
		},
		{
			who: 'admin',
			posts: [
				[
					'/fr/admin/metrics/targets?/set',
					forms({ scope: refusedText, count: nasty, date: nasty })
				],
				[
					'/fr/admin/team?/invite',
					forms({ email: nasty, displayName: refusedText, locale: nasty })
				],
				['/fr/admin/team?/deactivate', forms({ userId: nasty })]
			],
			gets: []
		}
	];
	let salt = 30;
	for (const { who, posts, gets } of PROBES) {
		const context = await signedIn(who);
		for (const [path, bodies] of posts) {
			await postAll(context, baseURL!, path, sample(bodies, salt++), errors);
		}
		for (const paths of gets) await getAll(context, sample(paths, salt++), errors);
		await context.dispose();
	}
	expect(errors).toEqual([]);
});
