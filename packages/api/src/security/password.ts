import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (algorithm 2); the native binding hashes on libuv's thread pool, off the event loop. */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most this many hashes run at once, leaving a core for the event loop: with every core
 * hashing, requests that need no hash (health checks, profile reads) wait behind the CPU.
 * Measured by `pnpm bench:login`.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export const hashPassword = (password: string): Promise<string> => withHashSlot(() => hash(password, options));

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown identifier) it verifies against a dummy
 * hash so that the reply takes as long as for a real account.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('pulih-dummy-password-for-timing');
    const dummy = await dummyHash;
    await withHashSlot(() => verify(dummy, password));
    return false;
  }
  try {
    return await withHashSlot(() => verify(storedHash, password));
  } catch {
    return false;
  }
}
