import type { AppRouter } from '@pulih/api';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { CliError } from './env.js';

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(apiUrl: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl.replace(/\/+$/, '')}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

/** Turns any failure of an API call into one line for staff. */
export function toCliError(error: unknown, apiUrl: string): CliError {
  if (error instanceof TRPCClientError) {
    const appCode = (error.data as { appCode?: string } | undefined)?.appCode;
    if (appCode === 'UNAUTHENTICATED') return new CliError('not logged in or the session expired: run `pulih login`');
    if (appCode) return new CliError(`${error.message} (${appCode})`);
    const cause = error.cause as (Error & { cause?: { code?: string } }) | undefined;
    if (cause?.cause?.code === 'ECONNREFUSED' || /fetch failed/.test(error.message)) {
      return new CliError(
        `cannot reach the Pulih API at ${apiUrl} (is the server running? set --api-url or PULIH_API_URL)`,
      );
    }
    return new CliError(`the API answered unexpectedly: ${error.message.split('\n')[0]}`);
  }
  if (error instanceof CliError) return error;
  return new CliError(error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : String(error));
}
