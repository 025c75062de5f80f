/**
 * How long a server keeps other requests waiting while it works on something else: one
 * `GET /healthz` at a time (a Hono route and `select 1`), one every `gapMs`, each timed from
 * sending to the end of the reply. A request that arrives while the server is inside a
 * synchronous transaction waits for it to end, so the slowest replies show the longest stops.
 */
import { performance } from 'node:perf_hooks';

export interface Responsiveness {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Requests that took longer than a second. */
  readonly overOneSecond: number;
}

export interface ResponsivenessProbe {
  /** Stops probing and summarises what it measured. */
  stop(): Promise<Responsiveness>;
}

export function probeResponsiveness(baseUrl: string, gapMs = 20): ResponsivenessProbe {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/healthz`);
        await response.arrayBuffer();
      } catch {
        // A refused connection counts with the time it took, like a slow reply.
      }
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
      return {
        requests: sorted.length,
        p50Ms: at(0.5),
        p99Ms: at(0.99),
        maxMs: sorted[sorted.length - 1] ?? Number.NaN,
        overOneSecond: sorted.filter((ms) => ms > 1000).length,
      };
    },
  };
}

export function describeResponsiveness(r: Responsiveness): string {
  return (
    `/healthz p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(0)} ms, longest ${r.maxMs.toFixed(0)} ms ` +
    `(${r.requests} requests, ${r.overOneSecond} over 1 s)`
  );
}
