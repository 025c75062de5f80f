/**
 * Helpers of the enumeration and brute-force suites (issue #8, suites 2 and 3): requests from a
 * chosen client address, and how a reply is compared.
 */
import type { TestServer, TrpcCallReply, TrpcReply } from '../test-support/test-server.js';

/** Who sends a request: the client's address (the login throttle counts per address), cookies, a staff token. */
export interface Sender {
  readonly ip: string;
  readonly cookie?: string;
  readonly bearer?: string;
}

/**
 * Calls a tRPC procedure through the real app (`app.request`), as the test server's `call` does,
 * with the client address a Node socket would carry: the Hono node-server reads it from
 * `env.incoming.socket`, which `app.request` takes as its third argument.
 */
export async function callFrom(
  server: Pick<TestServer, 'app'>,
  path: string,
  input: unknown,
  from: Sender,
): Promise<TrpcCallReply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (from.cookie) headers.cookie = from.cookie;
  if (from.bearer) headers.authorization = `Bearer ${from.bearer}`;
  const env = { incoming: { socket: { remoteAddress: from.ip, remotePort: 50_000, remoteFamily: 'IPv4' } } };
  const response = await server.app.request(
    `http://localhost/trpc/${path}`,
    { method: 'POST', headers, ...(input === undefined ? {} : { body: JSON.stringify(input) }) },
    env,
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as TrpcReply };
}

/** Every response header, sorted: two replies that must not differ are compared on all of them. */
export const headerList = (reply: TrpcCallReply): string[] =>
  [...reply.headers.entries()].map(([name, value]) => `${name}: ${value}`).sort();

/** The limit a refused reply names (RATE_LIMITED), or null. */
export const limitOf = (reply: TrpcCallReply): { retryAfterSeconds: number | undefined } | null =>
  reply.json.error?.data.appCode === 'RATE_LIMITED'
    ? { retryAfterSeconds: reply.json.error.data.retryAfterSeconds }
    : null;

/** Counts of the values in a list, as "value×count" in first-seen order (for the figures). */
export function tally(values: readonly (string | number)[]): string {
  const counts = new Map<string | number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value}×${count}`).join(' · ');
}
