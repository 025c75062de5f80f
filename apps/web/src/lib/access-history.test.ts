import { describe, expect, it } from 'vitest';
import {
  actionTextOf,
  channelText,
  disclosureText,
  formatAccessTime,
  knownCodes,
  staffRoleText,
} from './access-history';
import { messages } from './messages';

// The actions `member.accessHistory` returns (see packages/api/src/procedures/member/access-history.ts).
const apiActions = [
  'member.viewed',
  'contact.disclosed',
  'recovery.code_sent',
  'recovery.no_match',
  'password_reset.code_sent',
  'password_reset.requested_no_account',
  'password_reset.completed',
  'password_reset.sent_by_staff',
  'password_reset.code_printed',
  'email_change.requested',
  'email_change.completed',
  'phone_change.requested',
  'phone_change.completed',
  'account.frozen',
  'registration.code_sent',
  'registration.completed',
  'registration.no_match',
  'registration.existing_account',
  'audit.member_log_viewed',
  'case.opened.passed',
  'case.opened.failed',
  'case.closed',
  'jht.balance_disclosed',
  'jht.claim_viewed',
  'jht.claim_document_read',
  'privacy.data_exported',
  'privacy.breach_notice_queued',
];

describe('access history wording', () => {
  it('has a text of its own for every action the API lists', () => {
    for (const action of apiActions) {
      expect(actionTextOf(action), action).toMatchObject({ isGeneral: false });
    }
    expect(new Set(knownCodes.actions)).toEqual(new Set(apiActions));
  });

  it('gives each known action a different text', () => {
    const keys = apiActions.map((action) => actionTextOf(action).key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('words an unknown action generally, by its family when it has one', () => {
    expect(actionTextOf('registration.something_new')).toEqual({ key: 'accessRegistrationOther', isGeneral: true });
    expect(actionTextOf('phone_change.cancelled')).toEqual({ key: 'accessPhoneChangeOther', isGeneral: true });
    expect(actionTextOf('kiosk.ticket_issued')).toEqual({ key: 'accessUnknown', isGeneral: true });
    expect(actionTextOf('toString')).toEqual({ key: 'accessUnknown', isGeneral: true });
    expect(messages.id.accessUnknown).toBe('Aktivitas keamanan');
  });

  it('names channels, staff roles and disclosure levels in words, in both languages', () => {
    expect(channelText('cli', messages.id)).toBe('Petugas BPJS Ketenagakerjaan');
    expect(channelText('kiosk', messages.en)).toBe('Branch office kiosk');
    expect(staffRoleText('call_center_agent', messages.id)).toBe('Agen call center');
    expect(staffRoleText('branch_officer', messages.id)).toBe('Petugas kantor cabang');
    expect(disclosureText('masked', messages.id)).toBe('disamarkan');
    expect(disclosureText('full', messages.id)).toBe('lengkap');
    expect(disclosureText('full', messages.en)).toBe('in full');
    const groups = [
      [channelText, knownCodes.channels],
      [staffRoleText, knownCodes.staffRoles],
      [disclosureText, knownCodes.disclosures],
    ] as const;
    for (const [text, codes] of groups) {
      for (const code of codes) expect(text(code, messages.id), code).not.toBe(code);
    }
  });

  it('shows an unknown channel, role or level as it is', () => {
    expect(channelText('fax', messages.id)).toBe('fax');
    expect(staffRoleText('auditor', messages.en)).toBe('auditor');
    expect(disclosureText('partial', messages.id)).toBe('partial');
    expect(channelText('constructor', messages.id)).toBe('constructor');
  });

  it('shows the time in Jakarta (WIB), whatever the device zone', () => {
    expect(formatAccessTime('2026-05-03T07:05:00.000Z', 'id', messages.id)).toBe('3 Mei 2026 pukul 14.05 WIB');
    expect(formatAccessTime('2026-05-03T07:05:00.000Z', 'en', messages.en)).toBe(
      '3 May 2026 at 14:05 WIB (Jakarta time)',
    );
    // 20:30 UTC is already the next day in Jakarta.
    expect(formatAccessTime('2026-12-31T20:30:00Z', 'id', messages.id)).toContain('1 Januari 2027');
    expect(formatAccessTime('kemarin', 'id', messages.id)).toBe('kemarin');
  });
});
