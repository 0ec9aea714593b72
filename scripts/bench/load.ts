/**
 * One load run: autocannon at N connections for some seconds, each request's path drawn from a
 * generator (random viewports, filters…). Latency percentiles are computed from every response
 * (autocannon's own summary has no p95); an answer is wrong when its status is not the expected
 * one (any 2xx unless said).
 */
import autocannon from 'autocannon';

export interface LoadResult {
	name: string;
	requests: number;
	reqPerSec: number;
	p50: number;
	p95: number;
	p99: number;
	/** Answers with another status than the expected one; connection errors and timeouts. */
	wrong: number;
	errors: number;
	/** Mean size of an answer's body as sent (compressed when negotiated), in bytes. */
	meanBytes: number;
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
	/** The status of a right answer (any 2xx unless said). */
	status?: number;
	headers?: Record<string, string>;
}): Promise<LoadResult> {
	const latencies: number[] = [];
	let wrong = 0;
	let bytes = 0;
	const right = (status: number) =>
		options.status ? status === options.status : status >= 200 && status < 300;
	let instance: autocannon.Instance | undefined;
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		instance = autocannon(
			{
				url: options.url,
				connections: options.connections,
				duration: options.seconds,
				headers: { 'accept-encoding': 'gzip, br', ...options.headers },
				requests: [{ setupRequest: (request) => ({ ...request, path: options.path() }) }]
			},
			(error, done) => (error ? reject(error) : resolve(done))
		);
		instance.on('response', (_client, status, size, responseTime) => {
			latencies.push(responseTime);
			bytes += size;
			if (!right(status)) wrong++;
		});
	});
	latencies.sort((a, b) => a - b);
	return {
		name: options.name,
		requests: latencies.length,
		reqPerSec: latencies.length / result.duration,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		wrong,
		errors: result.errors + result.timeouts,
		meanBytes: latencies.length ? bytes / latencies.length : 0
	};
}
