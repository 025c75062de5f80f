import { router } from '../../trpc.js';
import { list } from './list.js';
import { report } from './report.js';
import { start } from './start.js';
import { status } from './status.js';

/**
 * Staff file imports (admin, supervisor): register a file, follow its job, read its report. The
 * file itself streams to `POST /api/imports/:jobId` (imports/upload-route.ts).
 */
export const importsRouter = router({ start, status, list, report });
