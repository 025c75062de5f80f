import { router } from '../../trpc.js';
import { changePassword } from './change-password.js';
import { closeDuplicateAccounts } from './close-duplicate-accounts.js';
import { confirmContactChange } from './confirm-contact-change.js';
import { confirmContacts } from './confirm-contacts.js';
import { duplicateAccounts } from './duplicate-accounts.js';
import { proveAccountControl } from './prove-account-control.js';
import { reauthenticate } from './reauthenticate.js';
import { register } from './register.js';
import { reportNotMe } from './report-not-me.js';
import { requestContactChange } from './request-contact-change.js';
import { resendVerification } from './resend-verification.js';
import { revokeOtherSessions } from './revoke-other-sessions.js';
import { sendAccountControlCode } from './send-account-control-code.js';
import { sessions } from './sessions.js';
import { verifyEmail } from './verify-email.js';
import { verifyEmailLink } from './verify-email-link.js';

/** Member self-service on their online account (activation, verification, contacts, password). */
export const accountRouter = router({
  register,
  verifyEmail,
  verifyEmailLink,
  resendVerification,
  reauthenticate,
  requestContactChange,
  confirmContactChange,
  changePassword,
  confirmContacts,
  reportNotMe,
  sessions,
  revokeOtherSessions,
  duplicateAccounts,
  sendAccountControlCode,
  proveAccountControl,
  closeDuplicateAccounts,
});
