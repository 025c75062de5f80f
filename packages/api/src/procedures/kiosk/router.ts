import { router } from '../../trpc.js';
import { balanceStart } from './balance-start.js';
import { balanceVerify } from './balance-verify.js';
import { completePairing } from './complete-pairing.js';
import { issueTicket } from './issue-ticket.js';
import { list } from './list.js';
import { pair } from './pair.js';
import { revoke } from './revoke.js';
import { status } from './status.js';

/** Branch kiosks: pairing by an officer, the kiosk's own status, queue tickets, "Cek saldo & status". */
export const kioskRouter = router({
  pair,
  completePairing,
  status,
  list,
  revoke,
  issueTicket,
  balanceStart,
  balanceVerify,
});
