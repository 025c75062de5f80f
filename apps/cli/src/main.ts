import { Command, CommanderError } from 'commander';
import { registerAccountsClose } from './commands/accounts-close.js';
import { registerAppointmentsCheckin } from './commands/appointments-checkin.js';
import { registerAppointmentsList } from './commands/appointments-list.js';
import { registerAuditLog } from './commands/audit-log.js';
import { registerAuditVerify } from './commands/audit-verify.js';
import { registerBranchVerify } from './commands/branch-verify.js';
import { registerCallCenterVerify } from './commands/callcenter-verify.js';
import { registerCaseChangeContact } from './commands/case-change-contact.js';
import { registerCaseClose } from './commands/case-close.js';
import { registerCaseConfirmContact } from './commands/case-confirm-contact.js';
import { registerCaseShow } from './commands/case-show.js';
import { registerClaimsDocument } from './commands/claims-document.js';
import { registerClaimsList } from './commands/claims-list.js';
import { registerClaimsShow } from './commands/claims-show.js';
import { registerClaimsStep } from './commands/claims-step.js';
import { registerClaimsSubmit } from './commands/claims-submit.js';
import { registerCorrectionsDecide } from './commands/corrections-decide.js';
import { registerCorrectionsEvidence } from './commands/corrections-evidence.js';
import { registerCorrectionsList } from './commands/corrections-list.js';
import { registerCorrectionsShow } from './commands/corrections-show.js';
import { registerDuplicatesList } from './commands/duplicates-list.js';
import { registerDuplicatesResolve } from './commands/duplicates-resolve.js';
import { registerDuplicatesScan } from './commands/duplicates-scan.js';
import { registerDuplicatesShow } from './commands/duplicates-show.js';
import { registerImportContributions } from './commands/import-contributions.js';
import { registerImportEmployment } from './commands/import-employment.js';
import { registerImportList } from './commands/import-list.js';
import { registerImportMembers } from './commands/import-members.js';
import { registerImportStatus } from './commands/import-status.js';
import { registerJhtBalance } from './commands/jht-balance.js';
import { registerJhtMerge } from './commands/jht-merge.js';
import { registerKioskList } from './commands/kiosk-list.js';
import { registerKioskPair } from './commands/kiosk-pair.js';
import { registerKioskRevoke } from './commands/kiosk-revoke.js';
import { registerLogin } from './commands/login.js';
import { registerLogout } from './commands/logout.js';
import { registerMemberShow } from './commands/member-show.js';
import { registerPrivacyAffected } from './commands/privacy-affected.js';
import { registerPrivacyIncident } from './commands/privacy-incident.js';
import { registerPrivacyNotify } from './commands/privacy-notify.js';
import { registerPrivacyRetention } from './commands/privacy-retention.js';
import { registerQueueDone } from './commands/queue-done.js';
import { registerQueueList } from './commands/queue-list.js';
import { registerQueueNext } from './commands/queue-next.js';
import { registerRecoveryPrintCode } from './commands/recovery-print-code.js';
import { registerRecoverySendReset } from './commands/recovery-send-reset.js';
import { registerStaffAdd } from './commands/staff-add.js';
import { registerStaffDisable } from './commands/staff-disable.js';
import { registerStaffList } from './commands/staff-list.js';
import { registerStaffRevokeTokens } from './commands/staff-revoke-tokens.js';
import { registerStaffSetRole } from './commands/staff-set-role.js';
import { registerTicketsClose } from './commands/tickets-close.js';
import { registerTicketsList } from './commands/tickets-list.js';
import { registerTicketsReply } from './commands/tickets-reply.js';
import { registerTicketsShow } from './commands/tickets-show.js';
import { registerTicketsVerify } from './commands/tickets-verify.js';
import { CliError, readCliEnv } from './env.js';
import { closePrompts } from './prompt.js';

/** Builds the `pulih` program; one file per command under ./commands. */
export function buildProgram(env: ReturnType<typeof readCliEnv>): Command {
  const program = new Command('pulih')
    .description('Pulih staff CLI: call center, customer service, branch officers, supervisors, admins')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] ? `${text.split('\n')[0]}\n` : text) });
  registerLogin(program, env);
  registerLogout(program, env);
  const member = program.command('member').description('Peserta / members');
  registerMemberShow(member, env);
  const callcenter = program.command('callcenter').description('Call center 175 (call center agent, supervisor)');
  registerCallCenterVerify(callcenter, env);
  const branch = program
    .command('branch')
    .description('Loket kantor cabang / branch counter (branch officer, supervisor)');
  registerBranchVerify(branch, env);
  const recoveryCase = program.command('case').description('Kasus pemulihan / recovery cases opened by `verify`');
  registerCaseShow(recoveryCase, env);
  registerCaseChangeContact(recoveryCase, env);
  registerCaseConfirmContact(recoveryCase, env);
  registerCaseClose(recoveryCase, env);
  const recovery = program.command('recovery').description('Pemulihan akun / account recovery within a case');
  registerRecoverySendReset(recovery, env);
  registerRecoveryPrintCode(recovery, env);
  const kiosk = program.command('kiosk').description('Kios kantor cabang / branch kiosks (branch officer, supervisor)');
  registerKioskPair(kiosk, env);
  registerKioskList(kiosk, env);
  registerKioskRevoke(kiosk, env);
  const queue = program.command('queue').description('Antrean loket / the counter queue of kiosk tickets');
  registerQueueList(queue, env);
  registerQueueNext(queue, env);
  registerQueueDone(queue, env);
  const staff = program.command('staff').description('Petugas / staff users (admin)');
  registerStaffAdd(staff, env);
  registerStaffList(staff, env);
  registerStaffDisable(staff, env);
  registerStaffSetRole(staff, env);
  registerStaffRevokeTokens(staff, env);
  const tickets = program
    .command('tickets')
    .description('Email layanan pelanggan / customer-service mail (customer service agent, supervisor)');
  registerTicketsList(tickets, env);
  registerTicketsShow(tickets, env);
  registerTicketsVerify(tickets, env);
  registerTicketsReply(tickets, env);
  registerTicketsClose(tickets, env);
  const duplicates = program
    .command('duplicates')
    .description('Data ganda / duplicate persons: scans (offline CSV or the registry) and review items');
  registerDuplicatesScan(duplicates, env);
  registerDuplicatesList(duplicates, env);
  registerDuplicatesShow(duplicates, env);
  registerDuplicatesResolve(duplicates, env);
  const jht = program.command('jht').description('Jaminan Hari Tua / JHT old-age savings');
  registerJhtBalance(jht, env);
  registerJhtMerge(jht, env);
  const claims = program.command('claims').description('Klaim JHT / JHT claims: submit at the counter, process, pay');
  registerClaimsSubmit(claims, env);
  registerClaimsList(claims, env);
  registerClaimsShow(claims, env);
  registerClaimsStep(claims, env);
  registerClaimsDocument(claims, env);
  const appointments = program
    .command('appointments')
    .description('Kunjungan cabang / branch visits booked by members (branch officer, supervisor)');
  registerAppointmentsList(appointments, env);
  registerAppointmentsCheckin(appointments, env);
  const accountsCommand = program.command('accounts').description("Akun online peserta / members' online accounts");
  registerAccountsClose(accountsCommand, env);
  const imports = program
    .command('import')
    .description('Impor berkas / staff file imports: members, contributions (admin, supervisor)');
  registerImportMembers(imports, env);
  registerImportContributions(imports, env);
  registerImportEmployment(imports, env);
  registerImportStatus(imports, env);
  registerImportList(imports, env);
  const corrections = program
    .command('corrections')
    .description(
      "Perbaikan data peserta / members' correction requests (customer service, branch officer, supervisor)",
    );
  registerCorrectionsList(corrections, env);
  registerCorrectionsShow(corrections, env);
  registerCorrectionsEvidence(corrections, env);
  registerCorrectionsDecide(corrections, env);
  const privacy = program
    .command('privacy')
    .description('Pelindungan data pribadi / personal data: breach response, retention (supervisor, admin)');
  registerPrivacyAffected(privacy, env);
  registerPrivacyIncident(privacy, env);
  registerPrivacyNotify(privacy, env);
  registerPrivacyRetention(privacy, env);
  const audit = program.command('audit').description('Log audit / the audit log (supervisor, admin)');
  registerAuditVerify(audit, env);
  registerAuditLog(audit, env);
  return program;
}

/** Runs the CLI and returns the exit code; expected errors are one line on stderr, never a stack. */
export async function run(argv: string[], source: Record<string, string | undefined> = process.env): Promise<number> {
  try {
    const program = buildProgram(readCliEnv(source));
    for (const command of program.commands) command.exitOverride();
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? 0
        : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`pulih: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      `pulih: unexpected error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
    );
    return 1;
  } finally {
    closePrompts();
  }
}
