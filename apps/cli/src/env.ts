import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** The CLI's settings; nothing else reads `process.env`. */
const schema = z.object({
  PULIH_API_URL: z.url().optional(),
  PULIH_CONFIG_DIR: z.string().min(1).optional(),
  XDG_CONFIG_HOME: z.string().min(1).optional(),
  PULIH_STAFF_PASSWORD: z.string().min(1).optional(),
  /** The current authenticator code, for scripts; interactive logins are prompted instead. */
  PULIH_STAFF_TOTP: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, 'six digits')
    .optional(),
});

export interface CliEnv {
  readonly apiUrl: string | undefined;
  readonly configDir: string;
  readonly staffPassword: string | undefined;
  readonly staffTotp: string | undefined;
}

export function readCliEnv(source: Record<string, string | undefined>): CliEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`bad setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const env = parsed.data;
  return {
    apiUrl: env.PULIH_API_URL,
    configDir: env.PULIH_CONFIG_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'pulih'),
    staffPassword: env.PULIH_STAFF_PASSWORD,
    staffTotp: env.PULIH_STAFF_TOTP,
  };
}

/** An expected failure: printed as one line, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
