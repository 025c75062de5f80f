/**
 * Jobs whose upload this process is reading right now. Only a courtesy, so that a second upload
 * of the same file is refused at once with a clear message: correctness across processes rests
 * on the database (a members batch commits only if `last_committed_line` is still what its
 * upload started from), so a job left `running` by a process that died is simply taken over.
 */
const active = new Set<string>();

export const isUploadActive = (jobId: string): boolean => active.has(jobId);

/** Marks the job as being uploaded; false when it already is. */
export function claimUpload(jobId: string): boolean {
  if (active.has(jobId)) return false;
  active.add(jobId);
  return true;
}

export function releaseUpload(jobId: string): void {
  active.delete(jobId);
}
