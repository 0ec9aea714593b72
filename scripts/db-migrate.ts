/** `npm run db:migrate`: applies the migrations in drizzle/ to DATABASE_URL, or to the embedded database. */
import { describeTarget, openDatabase, targetFromEnv } from '../src/lib/server/db/client';

const target = targetFromEnv();
const handle = await openDatabase(target);
try {
	await handle.migrate();
	console.log(`[db] migrations applied: ${describeTarget(target)}`);
} finally {
	await handle.close();
}
