import type { AppRouter } from '@pulih/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';

/** The one tRPC client of the member portal; the session cookie rides along same-origin. */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
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
