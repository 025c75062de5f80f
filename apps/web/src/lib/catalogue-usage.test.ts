// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the expressions that build keys, as they are written in the sources
import { fileURLToPath } from 'node:url';
import { appSources, type DynamicKeys, findStaleDynamicKeys, findUnusedKeys } from '@pulih/ui/catalogue-usage';
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';

// "No unused keys": every key of the portal's catalogues is named in its sources (or the shared
// UI's: its error table names keys too), or built by code listed below. Tests do not count.

const appSource = fileURLToPath(new URL('..', import.meta.url));

const sources = appSources(appSource);

/** Keys the code builds from a code or a field name, per catalogue, with where and how. */
const dynamicKeys: Record<keyof typeof catalogues, DynamicKeys[]> = {
  messages: [],
  claimNavMessages: [],
  privacyNavMessages: [],
  claimMessages: [
    // reasonKeyOf, blockerKeyOf, documentKeyOf: the API's codes, with a fallback key for unknown ones.
    { keys: /^reason_/, builtIn: 'lib/claim-wizard.ts', by: '`reason_${code}`' },
    { keys: /^blocker_/, builtIn: 'lib/claim-wizard.ts', by: '`blocker_${code}`' },
    { keys: /^doc_/, builtIn: 'lib/claim-wizard.ts', by: '`doc_${code}`' },
    { keys: /^reasonHint_/, builtIn: 'lib/components/claim/ClaimReasonStep.svelte', by: '`reasonHint_${code}`' },
    // The bank step's text fields (a snippet per field) and the booking's two choices.
    {
      keys: /^(accountNumber|holderName|npwp)Label$/,
      builtIn: 'lib/components/claim/ClaimBankStep.svelte',
      by: '`${field}Label`',
    },
    {
      keys: /^(accountNumber|holderName|npwp)Hint$/,
      builtIn: 'lib/components/claim/ClaimBankStep.svelte',
      by: '`${field}Hint`',
    },
    {
      keys: /^(branch|day)Label$/,
      builtIn: 'lib/components/claim/ClaimAppointmentBooking.svelte',
      by: '`${field}Label`',
    },
    {
      keys: /^(branch|day)Choose$/,
      builtIn: 'lib/components/claim/ClaimAppointmentBooking.svelte',
      by: '`${field}Choose`',
    },
    // The claim's and the branch visit's states on the tracking list.
    { keys: /^state_/, builtIn: 'lib/components/claim/ClaimTracking.svelte', by: '`state_${claim.state}`' },
    { keys: /^stateNote_/, builtIn: 'lib/components/claim/ClaimTracking.svelte', by: '`stateNote_${claim.state}`' },
    {
      keys: /^appointmentState_/,
      builtIn: 'lib/components/claim/ClaimTracking.svelte',
      by: '`appointmentState_${appointment.state}`',
    },
    // One fieldset per notice topic.
    { keys: /^topic_/, builtIn: 'lib/pages/NoticesPage.svelte', by: '`topic_${topic}`' },
    { keys: /^topicHint_/, builtIn: 'lib/pages/NoticesPage.svelte', by: '`topicHint_${topic}`' },
  ],
  privacyMessages: [
    // "Data saya": the export's categories, the correctable fields and a correction's state.
    { keys: /^category_/, builtIn: 'lib/pages/MyDataPage.svelte', by: '`category_${category}`' },
    { keys: /^field_/, builtIn: 'lib/pages/MyDataPage.svelte', by: '`field_${option}`' },
    { keys: /^state_/, builtIn: 'lib/pages/MyDataPage.svelte', by: '`state_${c.state}`' },
  ],
};

describe('the member portal catalogues', () => {
  it('are all in catalogues.ts, which these checks and the browser tests read', () => {
    const index = sources.find((source) => source.path === 'lib/catalogues.ts')?.text ?? '';
    const modules = sources.flatMap((source) => /^lib\/([\w-]*messages)\.ts$/.exec(source.path)?.[1] ?? []);
    expect(modules.length).toBeGreaterThan(0);
    for (const module of modules) expect(index, module).toContain(`from './${module}'`);
  });

  for (const [name, catalogue] of Object.entries(catalogues) as [
    keyof typeof catalogues,
    (typeof catalogues)[keyof typeof catalogues],
  ][]) {
    it(`${name}: every key is used by the app`, () => {
      expect(findUnusedKeys(Object.keys(catalogue.id), sources, dynamicKeys[name])).toEqual([]);
    });

    it(`${name}: every key built by code is still built that way`, () => {
      expect(findStaleDynamicKeys(Object.keys(catalogue.id), sources, dynamicKeys[name])).toEqual([]);
    });
  }
});
