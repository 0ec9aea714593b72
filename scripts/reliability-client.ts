/**
 * A simulated visitor of `npm run reliability`: plain HTTP as a browser without JavaScript (forms
 * posted with their Origin, the session cookie kept), its own address in X-Forwarded-For.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeSiret } from '../src/lib/merchants/siret';

export interface Outcome {
	at: number;
	ok: boolean;
	/** The answer needed the database (a search, a merchant page, a form). */
	db: boolean;
	/** HTTP status, 0 when the connection failed; and what was asked ("POST /fr/register"). */
	status: number;
	what: string;
}

/** Request durations, for a p99. */
export class Latencies {
	#ms: number[] = [];
	add(ms: number) {
		this.#ms.push(ms);
	}
	/** Adds the durations of others. */
	addAll(...others: Latencies[]) {
		for (const other of others) this.#ms.push(...other.#ms);
	}
	get count() {
		return this.#ms.length;
	}
	p99(): number {
		const sorted = [...this.#ms].sort((a, b) => a - b);
		return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0);
	}
}

/** "POST /fr/merchant/shops/:id/address" */
const what = (method = 'GET', path: string) =>
	`${method} ${path.replace(/\?.*$/, '').replace(/\/\d+(-[^/]*)?/g, '/:id')}`;

/** The error messages of a refused form, for the log. */
const why = (html: string) =>
	[...html.matchAll(/class="[^"]*error[^"]*"[^>]*>([^<]{1,200})</g)]
		.map((m) => m[1].trim())
		.join(' | ')
		.slice(0, 400) || html.slice(0, 200);

const SEARCHES = ['pharmacie', 'restaurant', 'Louvre', 'thé', '药房', 'hotel', 'bijoux', 'zzz'];
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export class Client {
	readonly acknowledged: { id: number; siret: string }[] = [];
	#cookies = new Map<string, string>();
	#registered = false;
	#made = 0;
	/** The last answer's body (to say why something was refused). */
	lastBody = '';

	constructor(
		private readonly origin: string,
		readonly index: number,
		private readonly merchantIds: number[],
		private readonly outcomes: Outcome[],
		/** The server's MAIL_OUTBOX_DIR: registration links are read from there. */
		private readonly mailDir: string | null = null
	) {}

	/** Its cookies as a Cookie header (its session, once signed in). */
	cookieHeader(): string {
		return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	get #address() {
		return `10.${(this.index >> 16) & 255}.${(this.index >> 8) & 255}.${this.index & 255}`;
	}

	async #request(path: string, init: RequestInit = {}, db = true): Promise<Response | null> {
		const headers = new Headers(init.headers);
		headers.set('x-forwarded-for', this.#address);
		// As a browser: HTML answers (form actions answer JSON to scripts).
		headers.set('accept', 'text/html');
		if (this.#cookies.size) headers.set('cookie', this.cookieHeader());
		if (init.method === 'POST') headers.set('origin', this.origin);
		try {
			const response = await fetch(this.origin + path, { ...init, headers, redirect: 'manual' });
			for (const cookie of response.headers.getSetCookie()) {
				const [pair] = cookie.split(';');
				const [name, ...value] = pair.split('=');
				this.#cookies.set(name.trim(), value.join('='));
			}
			this.lastBody = await response.text();
			this.outcomes.push({
				at: Date.now(),
				ok: response.status < 500,
				db,
				status: response.status,
				what: what(init.method, path)
			});
			return response;
		} catch {
			this.outcomes.push({
				at: Date.now(),
				ok: false,
				db,
				status: 0,
				what: what(init.method, path)
			});
			return null;
		}
	}

	#post(path: string, fields: Record<string, string | string[]>) {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) {
			for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
		}
		return this.#request(path, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
	}

	/** The path of the registration link e-mailed to `email` (waits up to 30 s for the e-mail). */
	async #registrationLink(email: string): Promise<string | null> {
		if (!this.mailDir) return null;
		for (let tries = 0; tries < 60; tries++) {
			const names = await readdir(this.mailDir).catch(() => [] as string[]);
			for (const name of names.filter((n) => n.endsWith('.json'))) {
				const mail = await readFile(join(this.mailDir, name), 'utf8')
					.then((text) => JSON.parse(text) as { to: string; text: string })
					.catch(() => null);
				const link =
					mail?.to === email ? /https?:\/\/[^/\s]+(\/\S*\/register\/\S+)/.exec(mail.text) : null;
				if (link) return link[1];
			}
			await sleep(500);
		}
		return null;
	}

	/** One page a tourist would open: home, a search, a merchant's page or the map's data. */
	async browse(latencies?: Latencies): Promise<void> {
		const lang = Math.random() < 0.5 ? 'fr' : 'zh';
		const pick = Math.random();
		const id = this.merchantIds[Math.floor(Math.random() * this.merchantIds.length)];
		const path =
			pick < 0.3 || id === undefined
				? `/${lang}?q=${encodeURIComponent(SEARCHES[Math.floor(Math.random() * SEARCHES.length)])}`
				: pick < 0.6
					? `/${lang}/merchants/${id}`
					: pick < 0.8
						? '/api/map?bbox=2.25,48.81,2.42,48.90&zoom=13'
						: `/${lang}`;
		const started = performance.now();
		await this.#request(path);
		latencies?.add(performance.now() - started);
	}

	/** Runs until the deadline: a submitting client applies again and again, others browse. */
	async run(deadline: number, submits: boolean): Promise<void> {
		while (Date.now() < deadline) {
			if (submits) await this.#submitOne();
			else await this.browse();
		}
	}

	/** Registers (once), then one application through the six steps; acknowledged or abandoned. */
	async #submitOne(): Promise<void> {
		if (!this.#registered) {
			// Two steps, as a merchant does: the form, then the e-mailed link to choose a password.
			const email = `charge-${this.index}-${Date.now()}@boutique.test`;
			const r = await this.#post('/fr/register', { email, consent: 'on', locale: 'fr' });
			if (r?.status !== 200) return sleep(500);
			const link = await this.#registrationLink(email);
			if (!link) return sleep(500);
			const done = await this.#post(link, {
				password: 'une-boutique-sous-charge',
				passwordConfirm: 'une-boutique-sous-charge'
			});
			if (done?.status !== 303) return sleep(500);
			this.#registered = true;
		}
		const siret = makeSiret(40_000_000 + this.index * 10_000 + this.#made++);
		let at = await this.#step('/fr/merchant/shops/new', {
			legalName: `SAS Charge ${this.index}`,
			siret,
			tradeNameFr: `Charge ${this.index}-${this.#made}`,
			category: 'souvenirs'
		});
		const id = Number(/\/shops\/(\d+)\//.exec(at ?? '')?.[1]);
		const steps: Record<string, string | string[]>[] = [
			{ address: '1 rue de Rivoli', postalCode: '75004' },
			{ latitude: '48.8556', longitude: '2.3561' },
			{ hoursMode: 'raw', openingHoursRaw: 'Mo-Sa 10:00-19:00' },
			{ paymentMethods: ['alipay'] }
		];
		for (const fields of steps) {
			if (!at || !id) return sleep(500);
			at = await this.#step(at, fields);
		}
		if (!at) return sleep(500);
		const done = await this.#post(at, { consentToPublish: 'on', intent: 'submit' });
		if (done?.status === 303 && done.headers.get('location')?.includes('done=submitted')) {
			this.acknowledged.push({ id, siret });
		} else await sleep(500);
	}

	/** Posts a step; the next step's path, or null when refused or failed. */
	async #step(path: string, fields: Record<string, string | string[]>): Promise<string | null> {
		const r = await this.#post(path, { ...fields, intent: 'next' });
		return r?.status === 303 ? r.headers.get('location') : null;
	}

	async logIn(email: string, password: string): Promise<void> {
		const r = await this.#post('/fr/login', { email, password });
		if (r?.status !== 303) throw new Error(`login refused (${r?.status}): ${why(this.lastBody)}`);
	}

	/** Uploads an acquirer file; the dry run's id. */
	async uploadImport(csv: string): Promise<number> {
		const form = new FormData();
		form.set('acquirer', 'Fiabilité');
		form.set('file', new Blob([csv], { type: 'text/csv' }), 'fiabilite.csv');
		const r = await this.#request('/fr/admin/imports?/upload', { method: 'POST', body: form });
		const id = Number(/\/imports\/(\d+)$/.exec(r?.headers.get('location') ?? '')?.[1]);
		if (!id) throw new Error(`upload refused (${r?.status})`);
		return id;
	}

	async startImport(id: number): Promise<void> {
		const r = await this.#post(`/fr/admin/imports/${id}?/run`, {});
		if (r?.status !== 303) throw new Error(`run refused (${r?.status})`);
	}

	async importProgress(id: number): Promise<{ status: string; rowsProcessed: number } | null> {
		try {
			const r = await fetch(`${this.origin}/fr/admin/imports/${id}/progress`, {
				headers: {
					cookie: this.cookieHeader(),
					'x-forwarded-for': this.#address
				}
			});
			return r.ok ? await r.json() : null;
		} catch {
			return null;
		}
	}
}

/**
 * Ten browsing clients (home, searches, merchant pages among `merchantIds`, the map's data),
 * each request timed into `latencies`, until `until` settles.
 */
export async function browseWhile(
	origin: string,
	latencies: Latencies,
	until: Promise<unknown>,
	merchantIds: number[] = []
): Promise<void> {
	let done = false;
	void until.finally(() => (done = true)).catch(() => {});
	const browsers = Array.from(
		{ length: 10 },
		(_, i) => new Client(origin, 200_000 + i, merchantIds, [])
	);
	await Promise.all(
		browsers.map(async (c) => {
			while (!done) await c.browse(latencies);
		})
	);
}
