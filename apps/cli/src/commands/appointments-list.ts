import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';

const states = { booked: 'terjadwal / booked', checked_in: 'hadir / checked in', cancelled: 'batal / cancelled' };

export function registerAppointmentsList(appointments: Command, env: CliEnv): void {
  withApiOptions(
    appointments
      .command('list')
      .description("Jadwal kunjungan / the day's branch visits at your branch (branch officer, supervisor)")
      .option('--day <YYYY-MM-DD>', 'which day (default today)')
      .option('--branch <code>', 'another branch (supervisor)'),
  ).action(async (options: ApiOptions & { day?: string; branch?: string }) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const { appointments: rows } = await callApi(apiUrl, () =>
      client.appointments.list.query({
        ...(options.day ? { day: options.day } : {}),
        ...(options.branch ? { branchCode: options.branch } : {}),
      }),
    );
    if (options.json) {
      console.log(JSON.stringify(rows));
      return;
    }
    console.log(`${rows.length} kunjungan / visits${rows[0] ? ` — ${rows[0].branchName} ${rows[0].day}` : ''}`);
    for (const a of rows) {
      console.log(`  ${a.slot}  ${a.id}  ${a.memberName.padEnd(28)} ${a.purpose.padEnd(24)} ${states[a.state]}`);
    }
  });
}
