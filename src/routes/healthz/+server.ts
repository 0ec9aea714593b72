import type { RequestHandler } from './$types';

/**
 * GET /healthz: "ok" when the process answers, without touching the database. What a load
 * balancer polls, and the floor of the benchmarks (the cheapest answer this server gives).
 */
export const GET: RequestHandler = () =>
	new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
