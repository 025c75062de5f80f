import type { AppRouter } from '@pulih/api';
import { createTRPCClient, httpLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import { CliError } from './env.js';

export type ApiClient = TRPCClient<AppRouter>;

export function createApiClient(apiUrl: string, token?: string): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl.replace(/\/+$/, '')}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

/** The API's `appCode` of a failed call, if the API answered at all. */
export function appCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { appCode?: string } | undefined)?.appCode : undefined;
}

/** Runs one API call; any failure becomes a one-line `CliError`. */
export async function callApi<T>(apiUrl: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toCliError(error, apiUrl);
  }
}

/** Turns any failure of an API call into one line for staff. */
export function toCliError(error: unknown, apiUrl: string): CliError {
  if (error instanceof TRPCClientError) {
    const appCode = (error.data as { appCode?: string } | undefined)?.appCode;
    if (appCode === 'UNAUTHENTICATED') return new CliError('not logged in or the session expired: run `pulih login`');
    const reasons = (error.data as { reasons?: string[] } | undefined)?.reasons;
    if (appCode && reasons?.length) return new CliError(`${error.message} (${appCode}: ${reasons.join(', ')})`);
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
