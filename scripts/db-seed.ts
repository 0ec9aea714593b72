/**
 * `npm run db:seed [-- --merchants N] [--seed S] [--force] [--if-empty]`: migrates the database
 * (DATABASE_URL, or the embedded one), then replaces its content with the demo dataset. Refused
 * in production unless --force is given, because it empties every table and creates accounts
 * with known passwords.
 *
 * With --if-empty it replaces nothing: it loads the demo dataset only into a database with no
 * account and no merchant, and only where SEED_DEMO allows: `1` any database, `0` none, unset
 * an embedded one outside production. `npm run dev` and the end-to-end tests start this way.
 */
import { parseArgs } from 'node:util';
import {
	describeTarget,
	openDatabase,
	targetFromEnv,
	type DatabaseTarget
} from '../src/lib/server/db/client';
import { isEmpty, seedDemo } from './demo/seed';

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '2000' },
		seed: { type: 'string' },
		force: { type: 'boolean', default: false },
		'if-empty': { type: 'boolean', default: false }
	}
});
const merchants = Number(values.merchants);
if (!Number.isInteger(merchants) || merchants < 10 || merchants > 1_000_000) {
	console.error('--merchants must be a whole number between 10 and 1000000');
	process.exit(2);
}
const production = process.env.NODE_ENV === 'production';
if (production && !values.force && !values['if-empty']) {
	console.error(
		'NODE_ENV=production: the demo seed empties the database; add --force if you mean it.'
	);
	process.exit(2);
}

/** Whether --if-empty may fill a database of this kind (SEED_DEMO, see above). */
function demoAllowed(driver: DatabaseTarget['driver']): boolean {
	const flag = process.env.SEED_DEMO;
	if (flag === '1' || flag === 'true') return true;
	if (flag === '0' || flag === 'false') return false;
	return driver === 'pglite' && !production;
}

const target = targetFromEnv();
if (values['if-empty'] && !demoAllowed(target.driver)) {
	console.log(
		`[seed] ${describeTarget(target)}: no demo dataset here (SEED_DEMO, see db-seed.ts).`
	);
	process.exit(0);
}
const handle = await openDatabase(target);
const started = performance.now();
try {
	await handle.migrate();
	if (values['if-empty'] && !(await isEmpty(handle.db))) {
		console.log(`[seed] ${describeTarget(target)} has data: no demo dataset loaded.`);
	} else {
		console.log(
			`[seed] ${describeTarget(target)}: replacing all data with ${merchants} demo merchants…`
		);
		const report = await seedDemo(handle.db, {
			merchants,
			seed: values.seed ? Number(values.seed) : undefined,
			log: (line) => console.log(`[seed] ${line}`)
		});
		console.log(report.summary);
		console.log(`[seed] done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
} finally {
	await handle.close();
}
