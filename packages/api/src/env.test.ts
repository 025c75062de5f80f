import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.js';

const secret = 's'.repeat(32);

describe('loadConfig', () => {
  it('defaults PORT to 3000 and the data directory to ./data', () => {
    const loaded = loadConfig({ PULIH_DEMO: '1' }, 'start');
    expect(loaded.ok && loaded.config.env.PORT).toBe(3000);
    expect(loaded.ok && loaded.config.env.PULIH_DATA_DIR).toBe('./data');
  });

  it('switches the dev mailbox on only in demo mode', () => {
    const demo = loadConfig({ PULIH_DEMO: '1' }, 'start');
    const real = loadConfig({ PULIH_SECRET: secret }, 'start');
    expect(demo.ok && demo.config.notifications).toEqual({ email: { kind: 'dev' }, sms: { kind: 'dev' } });
    expect(demo.ok && demo.config.devMailbox).toBe(true);
    expect(real.ok && real.config.devMailbox).toBe(false);
  });

  it('refuses to serve in production with demo mode on', () => {
    expect(loadConfig({ PULIH_DEMO: '1', PULIH_SECRET: secret }, 'serve')).toEqual({
      ok: false,
      message: 'refusing to serve: demo mode (PULIH_DEMO) is on',
    });
    expect(loadConfig({ NODE_ENV: 'production', PULIH_DEMO: '1', PULIH_SECRET: secret }, 'start').ok).toBe(false);
  });

  it('refuses to serve without a way to send email and SMS', () => {
    expect(loadConfig({ PULIH_SECRET: secret }, 'serve')).toEqual({
      ok: false,
      message: 'refusing to serve: SMTP_URL is not set (emails could not be sent)',
    });
    const live = loadConfig(
      {
        PULIH_SECRET: secret,
        SMTP_URL: 'smtp://mail.internal:25',
        SMS_WEBHOOK_URL: 'https://sms.internal/send',
        PULIH_DOCUMENT_KEY: 'ab'.repeat(32),
        PULIH_IDENTITY_KEY: 'cd'.repeat(32),
      },
      'serve',
    );
    expect(live.ok && live.config.notifications).toEqual({
      email: {
        kind: 'smtp',
        url: 'smtp://mail.internal:25',
        from: 'Pulih BPJS Ketenagakerjaan <no-reply@pulih.invalid>',
      },
      sms: { kind: 'http', url: 'https://sms.internal/send' },
    });
  });

  it('refuses to serve without a key for claim documents or for identity digests, and takes the keys from the environment', () => {
    const mail = { PULIH_SECRET: secret, SMTP_URL: 'smtp://m:25', SMS_WEBHOOK_URL: 'https://sms.internal/send' };
    expect(loadConfig(mail, 'serve')).toEqual({
      ok: false,
      message: 'refusing to serve: PULIH_DOCUMENT_KEY is not set (claim documents are encrypted)',
    });
    expect(loadConfig({ ...mail, PULIH_DOCUMENT_KEY: 'xyz' }, 'serve').ok).toBe(false);
    expect(loadConfig({ ...mail, PULIH_DOCUMENT_KEY: '0f'.repeat(32) }, 'serve')).toEqual({
      ok: false,
      message: "refusing to serve: PULIH_IDENTITY_KEY is not set (mothers' names are kept as keyed digests)",
    });
    expect(loadConfig({ ...mail, PULIH_DOCUMENT_KEY: '0f'.repeat(32), PULIH_IDENTITY_KEY: '12' }, 'serve').ok).toBe(
      false,
    );
    const served = loadConfig(
      {
        ...mail,
        PULIH_DOCUMENT_KEY: '0f'.repeat(32),
        PULIH_IDENTITY_KEY: 'e1'.repeat(32),
        PULIH_DATA_DIR: '/srv/pulih',
      },
      'serve',
    );
    expect(served.ok && served.config.documents.key.toString('hex')).toBe('0f'.repeat(32));
    expect(served.ok && served.config.identityKey.toString('hex')).toBe('e1'.repeat(32));
    expect(served.ok && served.config.documents.dir).toBe('/srv/pulih/documents');
  });

  it('refuses to serve without a secret', () => {
    expect(loadConfig({}, 'serve')).toEqual({ ok: false, message: 'refusing to serve: PULIH_SECRET is not set' });
    expect(loadConfig({}, 'start').ok).toBe(false);
  });

  it('names the bad setting in one line', () => {
    expect(loadConfig({ PORT: 'eighty', PULIH_DEMO: '1' }, 'start')).toEqual({
      ok: false,
      message: expect.stringMatching(/^bad setting PORT: /),
    });
    expect(loadConfig({ PULIH_SECRET: 'short' }, 'serve')).toEqual({
      ok: false,
      message: 'bad setting PULIH_SECRET: PULIH_SECRET must be at least 32 characters',
    });
  });
});
