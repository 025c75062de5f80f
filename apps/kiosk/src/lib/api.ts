import type { AppRouter } from '@pulih/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';

/** The one tRPC client of the branch kiosk. The API lives at the site root, not under /kiosk/. */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      // The kiosk's httpOnly device cookie rides along; the kiosk's scripts never see it.
      fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
    }),
  ],
});

type Outputs = inferRouterOutputs<AppRouter>;
export type KioskStatus = Outputs['kiosk']['status'];
export type QueueTicket = Outputs['kiosk']['issueTicket'];
export type QueueIntent = 'change_contact' | 'lost_phone' | 'other';
export type RecoveryResult = Outputs['recovery']['verifyCode'];
export type BalanceResult = Outputs['kiosk']['balanceVerify'];
