import { router } from '../../trpc.js';
import { approve } from './approve.js';
import { assess } from './assess.js';
import { document } from './document.js';
import { list } from './list.js';
import { mine } from './mine.js';
import { pay } from './pay.js';
import { reject } from './reject.js';
import { show } from './show.js';
import { submit } from './submit.js';
import { submitAtCounter } from './submit-at-counter.js';
import { uploadDocument } from './upload-document.js';
import { verify } from './verify.js';

/** JHT claims: the member's wizard and tracking, and the branch's processing. */
export const claimsRouter = router({
  assess,
  uploadDocument,
  submit,
  mine,
  submitAtCounter,
  list,
  show,
  document,
  verify,
  approve,
  reject,
  pay,
});
