import { type ApiClient, createApiClient } from './api-client.js';
import { loadCredentials } from './credentials.js';
import { type CliEnv, CliError } from './env.js';

export const DEFAULT_API_URL = 'http://localhost:3000';

/** Which API to talk to: the flag, then PULIH_API_URL, then the saved login, then localhost. */
export function resolveApiUrl(flag: string | undefined, env: CliEnv): string {
  return flag ?? env.apiUrl ?? loadCredentials(env.configDir)?.apiUrl ?? DEFAULT_API_URL;
}

/** A client carrying the saved staff token; refuses early when nobody is logged in. */
export function authenticatedClient(
  env: CliEnv,
  apiUrlFlag: string | undefined,
): { client: ApiClient; apiUrl: string } {
  const credentials = loadCredentials(env.configDir);
  if (!credentials) throw new CliError('not logged in: run `pulih login` first');
  const apiUrl = resolveApiUrl(apiUrlFlag, env);
  return { client: createApiClient(apiUrl, credentials.token), apiUrl };
}
