import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const credentialsSchema = z.object({
  apiUrl: z.string(),
  token: z.string(),
  username: z.string(),
  role: z.string(),
  expiresAt: z.string(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

const fileIn = (configDir: string) => join(configDir, 'credentials.json');

/** The staff token lives in the user's config directory, readable by the user alone. */
export function saveCredentials(configDir: string, credentials: Credentials): string {
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const file = fileIn(configDir);
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function loadCredentials(configDir: string): Credentials | null {
  try {
    const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(fileIn(configDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function removeCredentials(configDir: string): void {
  rmSync(fileIn(configDir), { force: true });
}
