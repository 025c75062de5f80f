import { router } from '../../trpc.js';
import { affected } from './affected.js';
import { applyRetention } from './apply-retention.js';
import { incidents } from './incidents.js';
import { myData } from './my-data.js';
import { myDataPdf } from './my-data-pdf.js';
import { notify } from './notify.js';
import { openIncident } from './open-incident.js';
import { report } from './report.js';
import { retention } from './retention.js';
import { setSetting } from './set-setting.js';

/** Personal-data rights (UU 27/2022): the member's export; breach response and retention for staff. */
export const privacyRouter = router({
  myData,
  myDataPdf,
  affected,
  openIncident,
  incidents,
  notify,
  report,
  retention,
  applyRetention,
  setSetting,
});
