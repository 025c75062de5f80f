import type { AppRouter } from '@pulih/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

/** The one tRPC client of the branch kiosk. The API lives at the site root, not under /kiosk/. */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
    }),
  ],
});
