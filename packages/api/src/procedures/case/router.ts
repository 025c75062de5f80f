import { router } from '../../trpc.js';
import { close } from './close.js';
import { confirmContactChange } from './confirm-contact-change.js';
import { openBranch } from './open-branch.js';
import { openCallCenter } from './open-call-center.js';
import { printRecoveryCode } from './print-recovery-code.js';
import { requestContactChange } from './request-contact-change.js';
import { sendReset } from './send-reset.js';
import { show } from './show.js';

/** Verified cases for staff: call center 175 (knowledge) and the branch counter (in person). */
export const caseRouter = router({
  openCallCenter,
  openBranch,
  show,
  sendReset,
  printRecoveryCode,
  requestContactChange,
  confirmContactChange,
  close,
});
