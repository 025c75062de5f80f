import { hash, verify } from '@node-rs/argon2';

/** argon2id (algorithm 2); the native binding hashes on libuv's thread pool, off the event loop. */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown identifier) it verifies against a dummy
 * hash so that the reply takes as long as for a real account.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hash('pulih-dummy-password-for-timing', options);
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
