import { describe, expect, it } from 'vitest';
import { DEMO_STAFF_TOTP_SECRETS } from '../../demo/demo-accounts.js';
import { loadConfig, type ServerConfig } from '../../env.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';

function config(demo: boolean): ServerConfig {
  const loaded = loadConfig(
    { NODE_ENV: 'test', PULIH_DEMO: demo ? '1' : '0', PULIH_SECRET: 'test-secret-test-secret-test-secret-00' },
    'start',
  );
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}

describe('stored staff TOTP secrets', () => {
  it('opens a sealed secret with the server secret', () => {
    const sealed = sealTotpSecret(config(false), 'JBSWY3DPEHPK3PXP');
    expect(openTotpSecret(config(false), sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('resolves a demo reference in demo mode only', () => {
    expect(openTotpSecret(config(true), 'demo:demo.admin')).toBe(DEMO_STAFF_TOTP_SECRETS['demo.admin']);
    expect(() => openTotpSecret(config(false), 'demo:demo.admin')).toThrow();
    expect(() => openTotpSecret(config(true), 'demo:someone.else')).toThrow();
    expect(() => openTotpSecret(config(true), 'demo:toString')).toThrow();
  });
});
