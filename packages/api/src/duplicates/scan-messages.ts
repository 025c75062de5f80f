import type { DuplicatePair, DuplicateRecord } from '@pulih/domain';

/** What the server thread sends the comparison thread: the registry page by page, then "compare". */
export type ScanRequest =
  | { readonly type: 'records'; readonly records: readonly DuplicateRecord[] }
  | { readonly type: 'compare' };

/**
 * What the comparison thread reports, in order: `started` (with its thread id), `progress` and
 * `pairs` as they come, then `done`; a thread that ends without `done` has failed.
 */
export type ScanReply =
  | { readonly type: 'started'; readonly records: number; readonly threadId: number }
  | { readonly type: 'progress'; readonly compared: number }
  | { readonly type: 'pairs'; readonly pairs: readonly DuplicatePair[] }
  | { readonly type: 'done' };
