/**
 * One load run: autocannon at N connections for some seconds, each request's path drawn from a
 * generator (random viewports, filters…). Latency percentiles are computed from every response
 * (autocannon's own summary has no p95).
 */
import autocannon from 'autocannon';

export interface LoadResult {
	name: string;
	requests: number;
	reqPerSec: number;
	p50: number;
	p95: number;
	p99: number;
	/** Answers other than 2xx, and connection errors or timeouts. */
	non2xx: number;
	errors: number;
}

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLoad(options: {
	name: string;
	url: string;
	path: () => string;
	connections: number;
	seconds: number;
}): Promise<LoadResult> {
	const latencies: number[] = [];
	let instance: autocannon.Instance | undefined;
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		instance = autocannon(
			{
				url: options.url,
				connections: options.connections,
				duration: options.seconds,
				headers: { 'accept-encoding': 'gzip, br' },
				requests: [{ setupRequest: (request) => ({ ...request, path: options.path() }) }]
			},
			(error, done) => (error ? reject(error) : resolve(done))
		);
		instance.on('response', (_client, _status, _bytes, responseTime) =>
			latencies.push(responseTime)
		);
	});
	latencies.sort((a, b) => a - b);
	return {
		name: options.name,
		requests: latencies.length,
		reqPerSec: latencies.length / result.duration,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}
