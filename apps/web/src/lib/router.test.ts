import { describe, expect, it } from 'vitest';
import { routeOf } from './router.svelte';

describe('routeOf', () => {
  it('finds each account page by its Indonesian path', () => {
    expect(routeOf('/')).toBe('home');
    expect(routeOf('/daftar')).toBe('register');
    expect(routeOf('/verifikasi-email')).toBe('verifyEmail');
    expect(routeOf('/lupa-password')).toBe('forgotPassword');
    expect(routeOf('/reset-password')).toBe('resetPassword');
    expect(routeOf('/bukan-saya')).toBe('notMe');
    expect(routeOf('/akun/keamanan')).toBe('security');
    expect(routeOf('/lupa-akun')).toBe('forgotAccount');
    expect(routeOf('/akun/riwayat-akses')).toBe('accessHistory');
  });

  it('ignores a trailing slash', () => {
    expect(routeOf('/daftar/')).toBe('register');
  });

  it('knows nothing of other paths, so links to the kiosk or the API leave the app', () => {
    expect(routeOf('/kiosk')).toBe('notFound');
    expect(routeOf('/dev/mailbox')).toBe('notFound');
    expect(routeOf('/toString')).toBe('notFound');
    expect(routeOf('/akun')).toBe('notFound');
  });
});
