import type { Command } from 'commander';
import { removeCredentials } from '../credentials.js';
import type { CliEnv } from '../env.js';

export function registerLogout(program: Command, env: CliEnv): void {
  program
    .command('logout')
    .description('Keluar / forget the stored staff token')
    .action(() => {
      removeCredentials(env.configDir);
      console.log('Keluar. / Logged out.');
    });
}
