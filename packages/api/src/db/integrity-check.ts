import { startWorker } from '../duplicates/start-worker.js';

/** What the integrity check of the database file found so far. */
export type IntegrityState =
  | { readonly state: 'ok' }
  | { readonly state: 'checking' }
  | { readonly state: 'failed'; readonly problems: readonly string[] };

export interface IntegrityRequest {
  readonly file: string;
}
export type IntegrityReply = { readonly ok: true } | { readonly ok: false; readonly problems: string[] };

export interface IntegrityCheck {
  readonly state: () => IntegrityState;
  /** Settles when the check is over (never rejects). */
  readonly done: Promise<IntegrityState>;
}

/** A file checked in full when it was opened. */
export const checkedAtOpen: IntegrityCheck = {
  state: () => ({ state: 'ok' }),
  done: Promise.resolve({ state: 'ok' }),
};

/**
 * `PRAGMA quick_check` of a database file on a worker thread (`integrity-worker.ts`), for a file
 * too large to check before the server starts answering (`openDatabase` checks smaller files in
 * full as it opens them): it reads the whole file, minutes at national size. Until it is over the
 * state is `checking`; a damaged file turns `/healthz` to 503 and is logged once.
 */
export function checkIntegrityInBackground(
  file: string,
  onFailure?: (problems: readonly string[]) => void,
): IntegrityCheck {
  let current: IntegrityState = { state: 'checking' };
  const done = new Promise<IntegrityState>((resolve) => {
    let settled = false;
    const settle = (reply: IntegrityReply) => {
      if (settled) return;
      settled = true;
      current = reply.ok ? { state: 'ok' } : { state: 'failed', problems: reply.problems };
      if (!reply.ok) onFailure?.(reply.problems);
      resolve(current);
    };
    let worker: ReturnType<typeof startWorker>;
    try {
      worker = startWorker('integrity-worker', {}, import.meta.url);
    } catch (error) {
      settle({ ok: false, problems: [`the check could not start: ${(error as Error).message}`] });
      return;
    }
    worker.unref();
    worker.once('message', (reply: IntegrityReply) => {
      settle(reply);
      void worker.terminate();
    });
    worker.once('error', (error) => settle({ ok: false, problems: [`the check failed to run: ${error.message}`] }));
    worker.once('exit', (code) => settle({ ok: false, problems: [`the check stopped (exit ${code})`] }));
    worker.postMessage({ file } satisfies IntegrityRequest);
  });
  return { state: () => current, done };
}
