import { type Command, InvalidArgumentError } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';

function parseAppointmentId(value: string): string {
  const id = value.trim().toUpperCase();
  if (!/^JDW-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(id))
    throw new InvalidArgumentError('an appointment number like JDW-4KD2-PQ7M');
  return id;
}

export function registerAppointmentsCheckin(appointments: Command, env: CliEnv): void {
  withApiOptions(
    appointments
      .command('checkin')
      .description('Catat kehadiran / the member has arrived for their visit (branch officer, supervisor)')
      .argument('<appointment>', 'appointment number, e.g. JDW-4KD2-PQ7M', parseAppointmentId),
  ).action(async (appointmentId: string, options: ApiOptions) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const done = await callApi(apiUrl, () => client.appointments.checkIn.mutate({ appointmentId }));
    if (options.json) console.log(JSON.stringify(done));
    else
      console.log(
        `${done.id} hadir / checked in (${done.day} ${done.slot}); buka kasus dengan \`pulih branch verify\``,
      );
  });
}
