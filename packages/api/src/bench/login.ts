/**
 * `pnpm bench:login`: logins per second, and whether argon2id hashing blocks the event loop.
 * Measures `/healthz` p99 with the server idle (baseline), then again while 100 connections log
 * in as fast as they can (target: p99 ≤ 50 ms), against the built server in its own process.
 */
import autocannon from 'autocannon';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { startDemoServer } from './server-process.js';

const SECONDS = Number(process.argv[2] ?? 10);

async function main(): Promise<void> {
  const server = await startDemoServer({ PULIH_DEMO_MEMBERS: '1000' });
  try {
    const healthz = (duration: number) => autocannon({ url: `${server.url}/healthz`, connections: 5, duration });
    const idle = await healthz(5);
    const storm = autocannon({
      url: `${server.url}/trpc/auth.login`,
      method: 'POST',
      connections: 100,
      duration: SECONDS,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'siti.rahayu@example.com', password: DEMO_MEMBER_PASSWORD }),
    });
    // Let the storm build up before measuring next to it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const loaded = await healthz(SECONDS - 2);
    const logins = await storm;
    const ok = logins.non2xx === 0 && logins.errors === 0;
    console.log(`bench:login: ${SECONDS} s, 100 connections logging in; /healthz measured with 5 connections`);
    console.log(
      `logins/s                    ${logins.requests.average.toFixed(1)} (${logins.requests.total} total, ${logins.non2xx} non-2xx, ${logins.errors} errors)`,
    );
    console.log(`login latency p50 / p99     ${logins.latency.p50} ms / ${logins.latency.p99} ms`);
    console.log(`/healthz p99 idle           ${idle.latency.p99} ms (baseline)`);
    console.log(
      `/healthz requests           ${idle.requests.total} idle, ${loaded.requests.total} under storm (${loaded.errors} errors, ${loaded.timeouts} timeouts)`,
    );
    console.log(
      `/healthz p99 under storm    ${loaded.latency.p99} ms (target ≤ 50 ms): ${loaded.latency.p99 <= 50 ? 'within target' : 'OVER TARGET'}`,
    );
    if (!ok) console.log('some logins failed: the figures above are not valid');
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:login failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
