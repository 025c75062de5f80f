import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { IdentityMigrationKeys } from './security/identity-digest.js';
import { deriveSecretBoxKey } from './security/secret-box.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

/** Every setting of the server, parsed once; nothing else reads `process.env`. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PULIH_DATA_DIR: z.string().min(1).default('./data'),
  PULIH_DEMO: flag,
  PULIH_DEMO_MEMBERS: z.coerce.number().int().min(0).max(2_000_000).default(3000),
  PULIH_SECRET: z.string().min(32, 'PULIH_SECRET must be at least 32 characters').optional(),
  PULIH_WEB_DIR: z.string().min(1).default(`${repoRoot}apps/web/dist`),
  PULIH_KIOSK_DIR: z.string().min(1).default(`${repoRoot}apps/kiosk/dist`),
  /** Base of the links in emails; defaults to http://localhost:PORT. */
  PULIH_PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  SMTP_FROM: z.string().min(3).default('Pulih BPJS Ketenagakerjaan <no-reply@pulih.invalid>'),
  SMS_WEBHOOK_URL: z.url().optional(),
  /** Customer-service mail arrives over SMTP on this port (0 picks a free one). */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** Largest inbound mail accepted, in bytes; larger ones are refused at the SMTP level. */
  INBOUND_SMTP_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Claim documents are stored here, encrypted; defaults to `<PULIH_DATA_DIR>/documents`. */
  PULIH_DOCUMENT_DIR: z.string().min(1).optional(),
  /** The AES-256 key of claim documents at rest: 64 hex characters. Required to serve. */
  PULIH_DOCUMENT_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'PULIH_DOCUMENT_KEY must be 64 hex characters (32 bytes)')
    .optional(),
  /** Retired document keys still needed to read older files, comma-separated (key rotation). */
  PULIH_DOCUMENT_OLD_KEYS: z
    .string()
    .regex(/^[0-9a-fA-F]{64}(,[0-9a-fA-F]{64})*$/, 'PULIH_DOCUMENT_OLD_KEYS must be 64-hex keys separated by commas')
    .optional(),
  /**
   * The key of the keyed digests that stand for identity answers (the mother's maiden name):
   * 64 hex characters. Required to serve; it cannot rotate without collecting the names again.
   */
  PULIH_IDENTITY_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'PULIH_IDENTITY_KEY must be 64 hex characters (32 bytes)')
    .optional(),
  /** Largest claim document accepted, in bytes. */
  PULIH_DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /** How long claim documents are kept after they were uploaded, in days (then deleted). */
  PULIH_DOCUMENT_RETENTION_DAYS: z.coerce.number().int().min(1).default(3650),
});

export type Env = z.infer<typeof envSchema>;

/** Used only in demo mode, where no real data exists. */
const DEMO_SECRET = 'pulih-demo-secret-not-for-production-use-0000';

/** Where notices go: the dev mailbox (demo and tests) or real SMTP / SMS gateway. */
export interface NotificationConfig {
  readonly email: { readonly kind: 'dev' } | { readonly kind: 'smtp'; readonly url: string; readonly from: string };
  readonly sms: { readonly kind: 'dev' } | { readonly kind: 'http'; readonly url: string };
}

export interface ServerConfig {
  readonly env: Env;
  readonly secret: string;
  readonly devMailbox: boolean;
  readonly publicUrl: string;
  readonly notifications: NotificationConfig;
  readonly documents: DocumentConfig;
  /** 32 bytes: from PULIH_IDENTITY_KEY, or in demo/test derived from the server secret. */
  readonly identityKey: Buffer;
}

/** The keys that open sealed values and files: the current document key first, then the retired ones. */
export const documentKeyring = (documents: DocumentConfig): readonly Buffer[] => [documents.key, ...documents.oldKeys];

/** The keys a database needs to migrate values older versions wrote in clear. */
export const migrationKeysOf = (config: ServerConfig): IdentityMigrationKeys => ({
  identityKey: config.identityKey,
  documentKeys: documentKeyring(config.documents),
});

/** Where and how claim documents are kept. */
export interface DocumentConfig {
  readonly dir: string;
  /** 32 bytes: from PULIH_DOCUMENT_KEY, or in demo/test derived from the server secret. */
  readonly key: Buffer;
  /** Retired keys, only to read files sealed before a rotation (each file names its key by id). */
  readonly oldKeys: readonly Buffer[];
  readonly maxBytes: number;
  readonly retentionDays: number;
}

/**
 * Parses the environment. `production` forbids demo mode and requires secrets, so a
 * production start can never expose demo accounts or the dev mailbox.
 */
export function loadConfig(
  source: Record<string, string | undefined>,
  mode: 'start' | 'serve',
): { ok: true; config: ServerConfig } | { ok: false; message: string } {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `bad setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  const env = parsed.data;
  if (mode === 'serve' || env.NODE_ENV === 'production') {
    if (env.PULIH_DEMO) return { ok: false, message: 'refusing to serve: demo mode (PULIH_DEMO) is on' };
    if (!env.PULIH_SECRET) return { ok: false, message: 'refusing to serve: PULIH_SECRET is not set' };
    if (!env.SMTP_URL)
      return { ok: false, message: 'refusing to serve: SMTP_URL is not set (emails could not be sent)' };
    if (!env.SMS_WEBHOOK_URL) {
      return { ok: false, message: 'refusing to serve: SMS_WEBHOOK_URL is not set (SMS could not be sent)' };
    }
    if (!env.PULIH_DOCUMENT_KEY) {
      return { ok: false, message: 'refusing to serve: PULIH_DOCUMENT_KEY is not set (claim documents are encrypted)' };
    }
    if (!env.PULIH_IDENTITY_KEY) {
      return {
        ok: false,
        message: "refusing to serve: PULIH_IDENTITY_KEY is not set (mothers' names are kept as keyed digests)",
      };
    }
  }
  const secret = env.PULIH_SECRET ?? (env.PULIH_DEMO ? DEMO_SECRET : undefined);
  if (!secret) return { ok: false, message: 'PULIH_SECRET is not set (or switch on demo mode with PULIH_DEMO=1)' };
  const notifications: NotificationConfig = {
    email: env.SMTP_URL ? { kind: 'smtp', url: env.SMTP_URL, from: env.SMTP_FROM } : { kind: 'dev' },
    sms: env.SMS_WEBHOOK_URL ? { kind: 'http', url: env.SMS_WEBHOOK_URL } : { kind: 'dev' },
  };
  return {
    ok: true,
    config: {
      env,
      secret,
      devMailbox: env.PULIH_DEMO,
      publicUrl: (env.PULIH_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
      notifications,
      documents: {
        dir: env.PULIH_DOCUMENT_DIR ?? join(env.PULIH_DATA_DIR, 'documents'),
        key: env.PULIH_DOCUMENT_KEY
          ? Buffer.from(env.PULIH_DOCUMENT_KEY, 'hex')
          : deriveSecretBoxKey(secret, 'pulih:claim-documents'),
        oldKeys: (env.PULIH_DOCUMENT_OLD_KEYS?.split(',') ?? []).map((hex) => Buffer.from(hex, 'hex')),
        maxBytes: env.PULIH_DOCUMENT_MAX_BYTES,
        retentionDays: env.PULIH_DOCUMENT_RETENTION_DAYS,
      },
      identityKey: env.PULIH_IDENTITY_KEY
        ? Buffer.from(env.PULIH_IDENTITY_KEY, 'hex')
        : deriveSecretBoxKey(secret, 'pulih:identity-digests'),
    },
  };
}
