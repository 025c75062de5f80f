import { DEMO_STAFF_TOTP_SECRETS, DEMO_TOTP_REFERENCE_PREFIX } from '../../demo/demo-accounts.js';
import type { ServerConfig } from '../../env.js';
import { deriveSecretBoxKey, openSecret, sealSecret } from '../../security/secret-box.js';

/** Staff TOTP secrets are stored sealed with a key derived from the server secret. */
export const sealTotpSecret = (config: ServerConfig, secret: string): string =>
  sealSecret(deriveSecretBoxKey(config.secret, 'pulih:totp'), secret);

/**
 * The base32 secret of a stored value. A demo reference (`demo:<username>`, written by the demo
 * seed) resolves to the published demo secret only in demo mode, which production refuses.
 * Throws on anything it cannot open: that is a broken server, not a wrong code.
 */
export function openTotpSecret(config: ServerConfig, stored: string): string {
  if (stored.startsWith(DEMO_TOTP_REFERENCE_PREFIX)) {
    const username = stored.slice(DEMO_TOTP_REFERENCE_PREFIX.length);
    const secret = Object.hasOwn(DEMO_STAFF_TOTP_SECRETS, username)
      ? DEMO_STAFF_TOTP_SECRETS[username as keyof typeof DEMO_STAFF_TOTP_SECRETS]
      : undefined;
    if (!config.env.PULIH_DEMO || !secret) throw new Error('a demo TOTP reference outside demo mode');
    return secret;
  }
  return openSecret(deriveSecretBoxKey(config.secret, 'pulih:totp'), stored);
}
