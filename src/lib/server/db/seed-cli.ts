/**
 * `npm run db:seed [-- --merchants N] [--seed S]`: replaces the content of the database
 * (DATABASE_URL, or the embedded one) with the demo dataset. Refused in production unless
 * --force is given, because it empties every table and creates accounts with known passwords.
 */
import { parseArgs } from 'node:util';
import { describeTarget, openDatabase, targetFromEnv } from './client';
import { seedDemo } from './seed';

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '2000' },
		seed: { type: 'string' },
		force: { type: 'boolean', default: false }
	}
});
const merchants = Number(values.merchants);
if (!Number.isInteger(merchants) || merchants < 10 || merchants > 1_000_000) {
	console.error('--merchants must be a whole number between 10 and 1000000');
	process.exit(2);
}
if (process.env.NODE_ENV === 'production' && !values.force) {
	console.error(
		'NODE_ENV=production: the demo seed empties the database; add --force if you mean it.'
	);
	process.exit(2);
}

const target = targetFromEnv();
const handle = await openDatabase(target);
const started = performance.now();
try {
	await handle.migrate();
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
} finally {
	await handle.close();
}
