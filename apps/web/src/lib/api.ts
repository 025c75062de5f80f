import type { AppRouter } from '@pulih/api';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';

const sameOrigin = (url: URL | RequestInfo, options?: RequestInit) =>
  fetch(url, { ...options, credentials: 'same-origin' });

/** Calls whose body is large (a claim document, base64): the server takes them only alone, never in a batch. */
const unbatchedPaths: ReadonlySet<string> = new Set(['claims.uploadDocument', 'corrections.request']);

/** The one tRPC client of the member portal; the session cookie rides along same-origin. */
export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => unbatchedPaths.has(op.path),
      true: httpLink({ url: '/trpc', fetch: sameOrigin }),
      false: httpBatchLink({ url: '/trpc', fetch: sameOrigin }),
    }),
  ],
});

type Outputs = inferRouterOutputs<AppRouter>;
export type MemberProfile = Outputs['member']['profile'];
export type MemberSession = Outputs['account']['sessions']['sessions'][number];
export type ContactKind = 'email' | 'phone';
export type AccessHistoryEntry = Outputs['member']['accessHistory']['entries'][number];
export type KpjBalanceCard = Outputs['jht']['kpjBalances']['cards'][number];
export type LinkedAccount = Outputs['account']['duplicateAccounts']['accounts'][number];
export type RecoveryResult = Outputs['recovery']['verifyCode'];
export type ClaimAssessment = Outputs['claims']['assess'];
export type MemberClaim = Outputs['claims']['mine']['claims'][number];
export type AppointmentOptions = Outputs['appointments']['options'];
export type MemberAppointment = Outputs['appointments']['mine']['appointments'][number];
export type NoticePreferences = Outputs['notices']['preferences'];
