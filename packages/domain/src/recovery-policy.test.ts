import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisclosureLevel } from './contact-disclosure.js';
import {
  DEFAULT_RECOVERY_SETTINGS,
  decideRecovery,
  type Evidence,
  isCompleteInPersonCheck,
  type KnowledgeFact,
  RECOVERY_REASONS,
  type RecoveryChannel,
  type RecoveryDecision,
  type RecoveryIntent,
  type RecoveryMemberFacts,
  type RecoverySettings,
} from './recovery-policy.js';

const member: RecoveryMemberFacts = {
  hasRegisteredEmail: true,
  hasRegisteredPhone: true,
  accountState: 'active',
  failedKnowledgeChecksToday: 0,
};
const knows = (...facts: KnowledgeFact[]): Evidence => ({ kind: 'knowledge', facts });
const phoneCode: Evidence = { kind: 'code_to_registered_phone' };
const emailCode: Evidence = { kind: 'code_to_registered_email' };
const session: Evidence = { kind: 'fresh_session' };
const officerCheck: Evidence = {
  kind: 'in_person_check',
  officerId: 'OFC-3174-007',
  documents: ['ktp', 'kpj_card'],
  photoMatches: true,
  reason: 'lost phone and email',
};

type Expected = Partial<RecoveryDecision>;
const decide = (
  intent: RecoveryIntent,
  channel: RecoveryChannel,
  evidence: readonly Evidence[],
  facts: Partial<RecoveryMemberFacts> = {},
  settings?: RecoverySettings,
): RecoveryDecision => decideRecovery({ intent, channel, evidence, member: { ...member, ...facts } }, settings);

describe('decideRecovery: the flows the article describes', () => {
  it('shows the web "lupa email" member the registered email in full after NIK and a code to the registered phone', () => {
    expect(decide('reveal_email', 'web', [knows('nik'), phoneCode])).toEqual({
      allowed: true,
      disclosure: 'full',
      nextStep: 'none',
      reasons: ['POSSESSION_OF_REGISTERED_PHONE'],
    });
  });

  it('lets the same member reset the password by SMS to the registered phone', () => {
    expect(decide('reset_password', 'web', [knows('kpj'), phoneCode])).toEqual({
      allowed: true,
      disclosure: 'full',
      nextStep: 'none',
      reasons: ['POSSESSION_OF_REGISTERED_PHONE'],
      resetDelivery: 'registered_phone',
    });
  });

  it('shows a 175 caller who knows KPJ, NIK, name and birth date the contacts masked only', () => {
    expect(decide('reveal_email', 'call_center', [knows('kpj', 'nik', 'full_name', 'birth_date')])).toEqual({
      allowed: true,
      disclosure: 'masked',
      nextStep: 'verify_registered_phone',
      reasons: ['KNOWLEDGE_ONLY_CAPPED_AT_MASKED'],
    });
  });

  it.each<RecoveryIntent>(['reveal_email', 'reveal_phone', 'change_email', 'change_phone'])(
    'lets a branch officer who checked KTP, KPJ card and photo do %s with full disclosure',
    (intent) => {
      expect(decide(intent, 'branch_counter', [officerCheck])).toEqual({
        allowed: true,
        disclosure: 'full',
        nextStep: 'none',
        reasons: ['IN_PERSON_CHECK'],
      });
    },
  );

  it('has the branch officer print a reset for the member instead of setting a password', () => {
    expect(decide('reset_password', 'branch_counter', [officerCheck])).toEqual({
      allowed: true,
      disclosure: 'full',
      nextStep: 'none',
      reasons: ['IN_PERSON_CHECK', 'STAFF_NEVER_SET_PASSWORDS'],
      resetDelivery: 'printed_in_person',
    });
  });

  it.each<RecoveryMemberFacts['accountState']>(['locked', 'frozen'])(
    'lets the branch officer unlock a %s account',
    (accountState) => {
      expect(decide('unlock_account', 'branch_counter', [officerCheck], { accountState })).toMatchObject({
        allowed: true,
        nextStep: 'none',
      });
    },
  );
});

describe('decideRecovery: in-person checks', () => {
  it.each<[string, Partial<Extract<Evidence, { kind: 'in_person_check' }>>, RecoveryChannel]>([
    ['without a KTP', { documents: ['kpj_card'] }, 'branch_counter'],
    ['without documents', { documents: [] }, 'branch_counter'],
    ['when the photo does not match', { photoMatches: false }, 'branch_counter'],
    ['with a blank reason', { reason: '   ' }, 'branch_counter'],
    ['without an officer id', { officerId: '' }, 'branch_counter'],
    ['on the call center', {}, 'call_center'],
    ['on customer-service email', {}, 'customer_service_email'],
    ['on the web', {}, 'web'],
  ])('ignores a check %s', (_label, change, channel) => {
    const decision = decide('reveal_email', channel, [{ ...officerCheck, ...change } as Evidence]);
    expect(decision).toMatchObject({ allowed: false, disclosure: 'none' });
    expect(decision.reasons).toContain('IN_PERSON_CHECK_INCOMPLETE');
    expect(decision.reasons).not.toContain('IN_PERSON_CHECK');
  });

  it.each<[RecoveryChannel, boolean]>([
    ['branch_counter', true],
    ['kiosk', true],
    ['web', false],
    ['call_center', false],
    ['customer_service_email', false],
  ])('counts a complete check on %s: %s', (channel, counts) => {
    expect(isCompleteInPersonCheck(officerCheck, channel)).toBe(counts);
  });

  it('accepts a KTP alone and sends the member back to the counter when the check is incomplete', () => {
    const ktpOnly: Evidence = { ...officerCheck, documents: ['ktp'] };
    expect(decide('change_phone', 'kiosk', [ktpOnly]).allowed).toBe(true);
    expect(decide('reveal_email', 'kiosk', [{ ...ktpOnly, photoMatches: false }]).nextStep).toBe(
      'in_person_check_at_branch',
    );
  });
});

describe('decideRecovery: knowledge', () => {
  it.each<[string, readonly Evidence[], Expected]>([
    ['two facts', [knows('nik', 'kpj')], { allowed: false, disclosure: 'none', nextStep: 'verify_registered_phone' }],
    [
      'two facts without NIK or KPJ',
      [knows('full_name', 'mother_name')],
      { allowed: false, disclosure: 'none', nextStep: 'provide_more_knowledge' },
    ],
    [
      'the same fact three times',
      [knows('full_name'), knows('full_name', 'full_name')],
      { allowed: false, disclosure: 'none', nextStep: 'provide_more_knowledge' },
    ],
    [
      'three distinct facts spread over several checks',
      [knows('kpj'), knows('nik'), knows('full_name')],
      { allowed: true, disclosure: 'masked', nextStep: 'verify_registered_phone' },
    ],
    [
      'three facts without NIK or KPJ',
      [knows('full_name', 'birth_date', 'mother_name')],
      { allowed: true, disclosure: 'masked', nextStep: 'provide_more_knowledge' },
    ],
    [
      'all five facts',
      [knows('nik', 'kpj', 'full_name', 'birth_date', 'mother_name')],
      { allowed: true, disclosure: 'masked' },
    ],
    ['nothing at all', [], { allowed: false, disclosure: 'none', nextStep: 'provide_more_knowledge' }],
  ])('on the web, reveals at most masked contacts given %s', (_label, evidence, expected) => {
    expect(decide('reveal_phone', 'web', evidence)).toMatchObject(expected);
  });

  it.each<[RecoveryIntent, RecoveryChannel]>([
    ['reset_password', 'web'],
    ['reset_password', 'kiosk'],
    ['reset_password', 'customer_service_email'],
    ['change_email', 'call_center'],
    ['change_phone', 'web'],
    ['unlock_account', 'call_center'],
  ])('never allows %s on %s from knowledge alone', (intent, channel) => {
    const all = knows('nik', 'kpj', 'full_name', 'birth_date', 'mother_name');
    expect(decide(intent, channel, [all], { accountState: 'locked' }).allowed).toBe(false);
  });

  it('reveals nothing from knowledge when the setting says so', () => {
    const settings = { ...DEFAULT_RECOVERY_SETTINGS, knowledgeDisclosure: 'none' } as const;
    expect(decide('reveal_email', 'call_center', [knows('nik', 'kpj', 'full_name')], {}, settings)).toMatchObject({
      allowed: false,
      disclosure: 'none',
      reasons: ['KNOWLEDGE_DISCLOSES_NOTHING_BY_SETTING', 'REVEAL_NEEDS_MORE_EVIDENCE'],
    });
  });

  it('asks for as many facts as the setting demands', () => {
    const settings = { ...DEFAULT_RECOVERY_SETTINGS, minimumKnowledgeFactsForMasked: 4 };
    const three = [knows('nik', 'kpj', 'full_name')];
    expect(decide('reveal_email', 'call_center', three, {}, settings).disclosure).toBe('none');
    expect(decide('reveal_email', 'call_center', [...three, knows('birth_date')], {}, settings).disclosure).toBe(
      'masked',
    );
  });

  it.each<[number, DisclosureLevel, string]>([
    [0, 'masked', 'none'],
    [2, 'masked', 'none'],
    [3, 'none', 'try_again_tomorrow'],
    [7, 'none', 'try_again_tomorrow'],
  ])('after %i failed checks today gives %s and next step %s to a knowledgeable caller', (failed, level, step) => {
    const decision = decide('reveal_email', 'call_center', [knows('nik', 'kpj', 'full_name', 'birth_date')], {
      failedKnowledgeChecksToday: failed,
    });
    expect(decision.disclosure).toBe(level);
    if (step === 'try_again_tomorrow') {
      expect(decision.nextStep).toBe(step);
      expect(decision.reasons).toContain('KNOWLEDGE_CHECKS_EXHAUSTED_TODAY');
    }
  });

  it('still lets other evidence through when knowledge checks are exhausted', () => {
    const exhausted = { failedKnowledgeChecksToday: 3 };
    expect(decide('reveal_email', 'web', [session, knows('nik')], exhausted)).toMatchObject({
      allowed: true,
      disclosure: 'full',
    });
    expect(decide('reset_password', 'branch_counter', [officerCheck], exhausted)).toMatchObject({
      allowed: true,
      resetDelivery: 'printed_in_person',
    });
    // The code still needs NIK or KPJ, and knowledge counts for nothing today.
    expect(decide('reveal_email', 'web', [knows('nik'), phoneCode], exhausted)).toMatchObject({
      allowed: false,
      disclosure: 'none',
      nextStep: 'try_again_tomorrow',
    });
  });
});

describe('decideRecovery: possession of a registered contact', () => {
  it.each<[string, RecoveryIntent, readonly Evidence[], Partial<RecoveryMemberFacts>, Expected]>([
    [
      'reveals the phone after a code to the registered email and KPJ',
      'reveal_phone',
      [emailCode, knows('kpj')],
      {},
      { allowed: true, disclosure: 'full', reasons: ['POSSESSION_OF_REGISTERED_EMAIL'] },
    ],
    [
      'sends the reset to the email the code went to',
      'reset_password',
      [emailCode, knows('nik')],
      {},
      { allowed: true, resetDelivery: 'registered_email' },
    ],
    [
      'prefers the phone when codes went to both',
      'reset_password',
      [emailCode, phoneCode, knows('nik')],
      {},
      { allowed: true, resetDelivery: 'registered_phone' },
    ],
    [
      'unlocks a locked account',
      'unlock_account',
      [phoneCode, knows('kpj')],
      { accountState: 'locked' },
      { allowed: true, nextStep: 'none' },
    ],
    [
      'does not unlock a frozen account',
      'unlock_account',
      [phoneCode, knows('kpj')],
      { accountState: 'frozen' },
      {
        allowed: false,
        nextStep: 'in_person_check_at_branch',
        reasons: ['POSSESSION_OF_REGISTERED_PHONE', 'ACCOUNT_FROZEN_NEEDS_IN_PERSON'],
      },
    ],
    [
      'does not reset the password of a frozen account',
      'reset_password',
      [phoneCode, knows('kpj')],
      { accountState: 'frozen' },
      { allowed: false, nextStep: 'in_person_check_at_branch' },
    ],
    [
      'has nothing to unlock on an active account',
      'unlock_account',
      [phoneCode, knows('kpj')],
      {},
      { allowed: false, nextStep: 'none', reasons: ['POSSESSION_OF_REGISTERED_PHONE', 'ACCOUNT_NOT_LOCKED'] },
    ],
    [
      'asks for NIK or KPJ along with a code',
      'reveal_email',
      [phoneCode, knows('full_name', 'birth_date')],
      {},
      {
        allowed: false,
        disclosure: 'none',
        nextStep: 'provide_more_knowledge',
        reasons: ['POSSESSION_NEEDS_KNOWLEDGE', 'KNOWLEDGE_INSUFFICIENT', 'REVEAL_NEEDS_MORE_EVIDENCE'],
      },
    ],
    [
      'ignores a "code to the registered phone" when the member has none, and offers the email',
      'reveal_email',
      [phoneCode, knows('nik')],
      { hasRegisteredPhone: false },
      {
        allowed: false,
        disclosure: 'none',
        nextStep: 'verify_registered_email',
        reasons: ['KNOWLEDGE_INSUFFICIENT', 'NO_REGISTERED_PHONE', 'REVEAL_NEEDS_MORE_EVIDENCE'],
      },
    ],
    [
      'sends a member with neither contact to the branch',
      'reset_password',
      [knows('nik')],
      { hasRegisteredPhone: false, hasRegisteredEmail: false },
      { allowed: false, nextStep: 'in_person_check_at_branch' },
    ],
    [
      'does not change a contact',
      'change_email',
      [phoneCode, knows('nik')],
      {},
      { allowed: false, disclosure: 'full', nextStep: 'sign_in_again' },
    ],
  ])('%s', (_label, intent, evidence, facts, expected) => {
    expect(decide(intent, 'web', evidence, facts)).toMatchObject(expected);
  });

  it('accepts a code alone when the setting asks for no knowledge with it', () => {
    const settings = { ...DEFAULT_RECOVERY_SETTINGS, possessionNeedsKnowledgeOf: [] };
    expect(decide('reveal_email', 'web', [phoneCode], {}, settings).disclosure).toBe('full');
  });

  it('accepts only the facts the setting names along with a code', () => {
    const settings = { ...DEFAULT_RECOVERY_SETTINGS, possessionNeedsKnowledgeOf: ['birth_date'] as const };
    expect(decide('reveal_email', 'web', [phoneCode, knows('nik')], {}, settings).disclosure).toBe('none');
    expect(decide('reveal_email', 'web', [phoneCode, knows('birth_date')], {}, settings).disclosure).toBe('full');
  });
});

describe('decideRecovery: fresh sessions', () => {
  it.each<[RecoveryIntent, Expected]>([
    ['reveal_email', { allowed: true, disclosure: 'full', nextStep: 'none' }],
    ['reveal_phone', { allowed: true, disclosure: 'full', nextStep: 'none' }],
    ['reset_password', { allowed: true, nextStep: 'none', reasons: ['FRESH_SESSION'] }],
    ['change_email', { allowed: true, nextStep: 'none' }],
    ['change_phone', { allowed: true, nextStep: 'none' }],
    ['unlock_account', { allowed: false, reasons: ['FRESH_SESSION', 'ACCOUNT_NOT_LOCKED'] }],
  ])('on the web, a signed-in member may %s', (intent, expected) => {
    const decision = decide(intent, 'web', [session]);
    expect(decision).toMatchObject(expected);
    expect(decision.resetDelivery).toBeUndefined(); // a password change in session, nothing sent
  });

  it.each<RecoveryChannel>(['call_center', 'customer_service_email', 'branch_counter'])(
    'is not accepted on %s',
    (channel) => {
      expect(decide('reveal_email', channel, [session])).toMatchObject({
        allowed: false,
        disclosure: 'none',
        reasons: ['FRESH_SESSION_NOT_ACCEPTED_ON_CHANNEL', 'REVEAL_NEEDS_MORE_EVIDENCE'],
      });
    },
  );

  it('never unlocks or changes a frozen account, though such a session cannot exist', () => {
    const frozen = { accountState: 'frozen' } as const;
    for (const intent of ['unlock_account', 'reset_password', 'change_email', 'change_phone'] as const) {
      expect(decide(intent, 'kiosk', [session], frozen)).toMatchObject({
        allowed: false,
        nextStep: 'in_person_check_at_branch',
      });
    }
  });
});

describe('decideRecovery: contact changes', () => {
  it.each<[RecoveryChannel, Partial<RecoveryMemberFacts>, string]>([
    ['web', {}, 'sign_in_again'],
    ['web', { accountState: 'none' }, 'in_person_check_at_branch'],
    ['kiosk', {}, 'in_person_check_at_branch'],
    ['call_center', {}, 'in_person_check_at_branch'],
    ['customer_service_email', {}, 'in_person_check_at_branch'],
    ['branch_counter', {}, 'in_person_check_at_branch'],
  ])('without a session or in-person check refuses on %s (%j) and sends the caller to %s', (channel, facts, step) => {
    const decision = decide('change_phone', channel, [knows('nik', 'kpj', 'full_name'), phoneCode], facts);
    expect(decision).toMatchObject({ allowed: false, nextStep: step });
    expect(decision.reasons).toContain('CONTACT_CHANGE_NEEDS_SESSION_OR_IN_PERSON');
  });

  it('lets a member without an online account correct the registered email in person', () => {
    expect(decide('change_email', 'branch_counter', [officerCheck], { accountState: 'none' }).allowed).toBe(true);
  });
});

describe('decideRecovery: staff channels', () => {
  const threeFacts = knows('kpj', 'nik', 'full_name');
  it.each<[string, RecoveryChannel, readonly Evidence[], Partial<RecoveryMemberFacts>, Expected]>([
    [
      'the call center sends a reset to the registered phone on knowledge',
      'call_center',
      [threeFacts],
      {},
      {
        allowed: true,
        disclosure: 'masked',
        resetDelivery: 'registered_phone',
        reasons: [
          'KNOWLEDGE_ONLY_CAPPED_AT_MASKED',
          'CALL_CENTER_RESET_TO_REGISTERED_CONTACT',
          'STAFF_NEVER_SET_PASSWORDS',
        ],
      },
    ],
    [
      'the call center sends it to the registered email when there is no phone',
      'call_center',
      [threeFacts],
      { hasRegisteredPhone: false },
      { allowed: true, resetDelivery: 'registered_email' },
    ],
    [
      'the call center sends the member to the branch when there is no contact at all',
      'call_center',
      [threeFacts],
      { hasRegisteredPhone: false, hasRegisteredEmail: false },
      {
        allowed: false,
        nextStep: 'in_person_check_at_branch',
        reasons: ['KNOWLEDGE_ONLY_CAPPED_AT_MASKED', 'NO_REGISTERED_PHONE', 'NO_REGISTERED_EMAIL'],
      },
    ],
    [
      'the call center sends no reset on two facts',
      'call_center',
      [knows('kpj', 'nik')],
      {},
      { allowed: false, nextStep: 'verify_registered_phone' },
    ],
    [
      'the call center sends no reset once knowledge checks are exhausted',
      'call_center',
      [threeFacts],
      { failedKnowledgeChecksToday: 3 },
      { allowed: false, nextStep: 'try_again_tomorrow' },
    ],
    [
      'customer-service email sends no reset on knowledge',
      'customer_service_email',
      [threeFacts],
      {},
      { allowed: false, disclosure: 'masked' },
    ],
    [
      'customer-service email sends a reset to the contact a code went to',
      'customer_service_email',
      [threeFacts, emailCode],
      {},
      { allowed: true, disclosure: 'full', resetDelivery: 'registered_email' },
    ],
  ])('%s', (_label, channel, evidence, facts, expected) => {
    expect(decide('reset_password', channel, evidence, facts)).toMatchObject(expected);
  });
});

describe('decideRecovery: members without an online account', () => {
  it.each<[RecoveryMemberFacts['accountState'], RecoveryIntent]>([
    ['none', 'reset_password'],
    ['none', 'unlock_account'],
    ['pending', 'reset_password'],
    ['pending', 'unlock_account'],
  ])('with account state %s refuses %s even in person', (accountState, intent) => {
    const decision = decide(intent, 'branch_counter', [officerCheck], { accountState });
    expect(decision).toMatchObject({ allowed: false, nextStep: 'none' });
    expect(decision.reasons).toContain('NO_ONLINE_ACCOUNT');
  });

  it('still tells such a member their registered email after a code', () => {
    expect(decide('reveal_email', 'web', [phoneCode, knows('nik')], { accountState: 'none' })).toMatchObject({
      allowed: true,
      disclosure: 'full',
    });
  });
});

describe('decideRecovery: input outside the types', () => {
  it.each<[string, unknown]>([
    ['an unknown intent', { intent: 'delete_account', channel: 'web', evidence: [], member }],
    ['an unknown channel', { intent: 'reveal_email', channel: 'fax', evidence: [session], member }],
    ['no request at all', null],
  ])('refuses %s', (_label, request) => {
    expect(decideRecovery(request as never)).toEqual({
      allowed: false,
      disclosure: 'none',
      nextStep: 'none',
      reasons: ['UNKNOWN_REQUEST'],
    });
  });

  it('fails closed on nonsensical settings', () => {
    const nonsense = {
      knowledgeDisclosure: 'full',
      possessionNeedsKnowledgeOf: ['passport'],
      maxFailedKnowledgeChecksPerDay: Number.NaN,
      minimumKnowledgeFactsForMasked: -1,
    } as unknown as RecoverySettings;
    const decision = decide('reveal_email', 'web', [phoneCode, knows('nik', 'kpj', 'full_name')], {}, nonsense);
    expect(decision).toMatchObject({ allowed: false, disclosure: 'none', nextStep: 'try_again_tomorrow' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over every combination of evidence, member facts, channels, intents and settings.

const FACTS: readonly KnowledgeFact[] = ['nik', 'kpj', 'full_name', 'birth_date', 'mother_name'];
const CHANNELS: readonly RecoveryChannel[] = [
  'web',
  'kiosk',
  'call_center',
  'branch_counter',
  'customer_service_email',
];
const STAFF: readonly RecoveryChannel[] = ['call_center', 'customer_service_email'];
const INTENTS: readonly RecoveryIntent[] = [
  'reveal_email',
  'reveal_phone',
  'reset_password',
  'change_email',
  'change_phone',
  'unlock_account',
];
const RANK: Record<DisclosureLevel, number> = { none: 0, masked: 1, full: 2 };

const factArb = fc.constantFrom(...FACTS);
const evidenceArb: fc.Arbitrary<Evidence> = fc.oneof(
  fc.constant(session),
  fc.constant(phoneCode),
  fc.constant(emailCode),
  fc.array(factArb, { maxLength: 6 }).map((facts): Evidence => ({ kind: 'knowledge', facts })),
  fc
    .record({
      officerId: fc.constantFrom('', 'OFC-1'),
      documents: fc.array(fc.constantFrom('ktp' as const, 'kpj_card' as const), { maxLength: 3 }),
      photoMatches: fc.boolean(),
      reason: fc.constantFrom('', '  ', 'lost phone'),
    })
    .map((check): Evidence => ({ kind: 'in_person_check', ...check })),
);
const evidenceListArb = fc.array(evidenceArb, { maxLength: 6 });
const memberArb: fc.Arbitrary<RecoveryMemberFacts> = fc.record({
  hasRegisteredEmail: fc.boolean(),
  hasRegisteredPhone: fc.boolean(),
  accountState: fc.constantFrom('none', 'pending', 'active', 'locked', 'frozen'),
  failedKnowledgeChecksToday: fc.integer({ min: 0, max: 6 }),
});
const settingsArb: fc.Arbitrary<RecoverySettings> = fc.record({
  knowledgeDisclosure: fc.constantFrom('none', 'masked'),
  possessionNeedsKnowledgeOf: fc.subarray([...FACTS]),
  maxFailedKnowledgeChecksPerDay: fc.integer({ min: 0, max: 5 }),
  minimumKnowledgeFactsForMasked: fc.integer({ min: 1, max: 5 }),
});
const channelArb = fc.constantFrom(...CHANNELS);
const intentArb = fc.constantFrom(...INTENTS);

const distinctFacts = (evidence: readonly Evidence[]): number =>
  new Set(evidence.flatMap((e) => (e.kind === 'knowledge' ? e.facts : []))).size;

/** The test's own statement of "strong" evidence: possession, a fresh session or a valid in-person check. */
const isStrong = (e: Evidence, channel: RecoveryChannel, m: RecoveryMemberFacts): boolean => {
  switch (e.kind) {
    case 'code_to_registered_phone':
      return m.hasRegisteredPhone;
    case 'code_to_registered_email':
      return m.hasRegisteredEmail;
    case 'fresh_session':
      return channel === 'web' || channel === 'kiosk';
    case 'in_person_check':
      return (
        (channel === 'branch_counter' || channel === 'kiosk') &&
        e.documents.includes('ktp') &&
        e.photoMatches &&
        e.reason.trim() !== '' &&
        e.officerId.trim() !== ''
      );
    case 'knowledge':
      return false;
  }
};

describe('decideRecovery: properties', () => {
  it('gives no full disclosure, contact change, unlock or reset without possession, a session or an in-person check, except a call-center reset to a registered contact on enough knowledge', () => {
    fc.assert(
      fc.property(
        intentArb,
        channelArb,
        evidenceListArb,
        memberArb,
        settingsArb,
        (intent, channel, anyEvidence, m, settings) => {
          // Codes to contacts the member lacks, sessions on staff channels and incomplete checks remain.
          const evidence = anyEvidence.filter((e) => !isStrong(e, channel, m));
          const d = decideRecovery({ intent, channel, evidence, member: m }, settings);
          expect(d.disclosure).not.toBe('full');
          if (intent === 'change_email' || intent === 'change_phone' || intent === 'unlock_account') {
            expect(d.allowed).toBe(false);
          }
          if (intent === 'reset_password' && d.allowed) {
            // The one exception, precisely.
            expect(channel).toBe('call_center');
            expect(m.failedKnowledgeChecksToday).toBeLessThan(settings.maxFailedKnowledgeChecksPerDay);
            expect(distinctFacts(evidence)).toBeGreaterThanOrEqual(settings.minimumKnowledgeFactsForMasked);
            expect(d.resetDelivery).toBe(m.hasRegisteredPhone ? 'registered_phone' : 'registered_email');
            expect(m.hasRegisteredPhone || m.hasRegisteredEmail).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never lowers the disclosure or withdraws a permission when evidence is added', () => {
    fc.assert(
      fc.property(
        intentArb,
        channelArb,
        evidenceListArb,
        evidenceListArb,
        memberArb,
        settingsArb,
        (intent, channel, evidence, more, m, settings) => {
          const before = decideRecovery({ intent, channel, evidence, member: m }, settings);
          const after = decideRecovery({ intent, channel, evidence: [...evidence, ...more], member: m }, settings);
          expect(RANK[after.disclosure]).toBeGreaterThanOrEqual(RANK[before.disclosure]);
          if (before.allowed) expect(after.allowed).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never raises the disclosure when more knowledge checks have failed today', () => {
    fc.assert(
      fc.property(
        intentArb,
        channelArb,
        evidenceListArb,
        memberArb,
        fc.integer({ min: 0, max: 6 }),
        settingsArb,
        (intent, channel, evidence, m, extra, settings) => {
          const worse = { ...m, failedKnowledgeChecksToday: m.failedKnowledgeChecksToday + extra };
          const before = decideRecovery({ intent, channel, evidence, member: m }, settings);
          const after = decideRecovery({ intent, channel, evidence, member: worse }, settings);
          expect(RANK[after.disclosure]).toBeLessThanOrEqual(RANK[before.disclosure]);
        },
      ),
    );
  });

  it('decides the same whatever the order and repetition of the evidence', () => {
    const reorderedArb = evidenceListArb.chain((evidence) =>
      fc.tuple(
        fc.constant(evidence),
        fc
          .tuple(fc.shuffledSubarray(evidence, { minLength: evidence.length }), fc.subarray(evidence))
          .chain(([all, again]) => fc.shuffledSubarray([...all, ...again], { minLength: all.length + again.length })),
      ),
    );
    fc.assert(
      fc.property(intentArb, channelArb, reorderedArb, memberArb, settingsArb, (intent, channel, [a, b], m, s) => {
        expect(decideRecovery({ intent, channel, evidence: b, member: m }, s)).toEqual(
          decideRecovery({ intent, channel, evidence: a, member: m }, s),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('on staff channels resets only to a registered contact', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAFF),
        evidenceListArb,
        memberArb,
        settingsArb,
        (channel, evidence, m, settings) => {
          const d = decideRecovery({ intent: 'reset_password', channel, evidence, member: m }, settings);
          if (!d.allowed) return;
          expect(['registered_email', 'registered_phone']).toContain(d.resetDelivery);
          if (d.resetDelivery === 'registered_phone') expect(m.hasRegisteredPhone).toBe(true);
          if (d.resetDelivery === 'registered_email') expect(m.hasRegisteredEmail).toBe(true);
          expect(d.reasons).toContain('STAFF_NEVER_SET_PASSWORDS');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on any channel resets to a registered contact, on paper in person, or in a signed-in session only', () => {
    fc.assert(
      fc.property(channelArb, evidenceListArb, memberArb, settingsArb, (channel, evidence, m, settings) => {
        const d = decideRecovery({ intent: 'reset_password', channel, evidence, member: m }, settings);
        if (!d.allowed) {
          expect(d.resetDelivery).toBeUndefined();
          return;
        }
        if (d.resetDelivery === undefined) expect(d.reasons).toContain('FRESH_SESSION');
        if (d.resetDelivery === 'printed_in_person') expect(d.reasons).toContain('IN_PERSON_CHECK');
        if (d.resetDelivery === 'registered_phone') expect(m.hasRegisteredPhone).toBe(true);
        if (d.resetDelivery === 'registered_email') expect(m.hasRegisteredEmail).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets knowledge contribute nothing once knowledge checks are exhausted', () => {
    fc.assert(
      fc.property(intentArb, channelArb, evidenceListArb, memberArb, settingsArb, (intent, channel, evidence, m, s) => {
        const exhausted = {
          ...m,
          failedKnowledgeChecksToday: s.maxFailedKnowledgeChecksPerDay + m.failedKnowledgeChecksToday,
        };
        const withoutKnowledge = evidence.filter((e) => e.kind !== 'knowledge');
        expect(decideRecovery({ intent, channel, evidence, member: exhausted }, s)).toEqual(
          decideRecovery({ intent, channel, evidence: withoutKnowledge, member: exhausted }, s),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('always gives at least one known reason, each once, in the documented order', () => {
    const order: readonly string[] = RECOVERY_REASONS;
    fc.assert(
      fc.property(intentArb, channelArb, evidenceListArb, memberArb, settingsArb, (intent, channel, evidence, m, s) => {
        const { reasons } = decideRecovery({ intent, channel, evidence, member: m }, s);
        expect(reasons.length).toBeGreaterThan(0);
        const positions = reasons.map((r) => order.indexOf(r));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual([...new Set(positions)].sort((x, y) => x - y));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.anything(), { maxLength: 4 }), fc.anything(), (member, evidence, s) => {
        for (const intent of INTENTS) {
          for (const channel of CHANNELS) {
            const d = decideRecovery({ intent, channel, evidence, member } as never, s as never);
            expect(['none', 'masked', 'full']).toContain(d.disclosure);
          }
        }
      }),
    );
  });
});
