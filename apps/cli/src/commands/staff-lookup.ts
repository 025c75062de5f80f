import { type ApiClient, callApi } from '../api-client.js';
import type { ApiOutputs } from '../api-types.js';
import { CliError } from '../env.js';

/** One staff user as `staff.list` shows them, for the dry runs of destructive commands. */
export async function findListedStaff(
  client: ApiClient,
  apiUrl: string,
  username: string,
): Promise<ApiOutputs['staff']['list'][number]> {
  const list = await callApi(apiUrl, () => client.staff.list.query());
  const wanted = username.trim().toLowerCase();
  const target = list.find((s) => s.username === wanted);
  if (!target) throw new CliError(`No staff user is called "${wanted}".`);
  return target;
}
