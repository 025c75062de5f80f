import type { LimitWindow } from '@pulih/domain';
import type { Db } from '../db/database.js';
import { appError } from '../errors.js';
import { consumeLimit, limitKey } from '../repositories/rate-limit-repository.js';

/** Counts one event against the limit, or throws RATE_LIMITED saying when to try again. */
export function enforceLimit(
  db: Db,
  secret: string,
  scope: string,
  identifier: string,
  windows: readonly LimitWindow[],
  now: Date,
): void {
  const decision = consumeLimit(db, limitKey(secret, scope, identifier), windows, now);
  if (!decision.allowed) {
    throw appError('RATE_LIMITED', undefined, { retryAfterSeconds: decision.retryAfterSeconds });
  }
}
