import { openDatabase } from '../src/lib/server/db/client';
import { rollUpMetrics } from '../src/lib/server/metrics/rollups';
const h = await openDatabase({ driver: 'postgres', url: 'postgres://bench@localhost:5460/bench' });
const t = performance.now();
console.log(await rollUpMetrics(h.db, new Date()), performance.now() - t);
await h.close();
