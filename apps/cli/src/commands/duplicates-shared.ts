import { InvalidArgumentError } from 'commander';
import type { ApiOutputs } from '../api-types.js';

export type DuplicateItem = ApiOutputs['duplicates']['list']['items'][number];
export type DuplicateView = ApiOutputs['duplicates']['show'];

/** A review item id as printed by `duplicates list`. */
export function parseItemId(value: string): number {
  const id = Number(value.trim());
  if (!Number.isInteger(id) || id < 1) throw new InvalidArgumentError('the item id printed by `duplicates list`');
  return id;
}

/** A reason for the audit log: at least 5 characters, as the server requires. */
export function parseStaffReason(value: string): string {
  const reason = value.trim();
  if (reason.length < 5) throw new InvalidArgumentError('say why, in at least 5 characters');
  return reason;
}

const decisionNames = { match: 'sama / match', review: 'periksa / review' } as const;

export function describeItem(item: DuplicateItem): string {
  return (
    `#${item.id}  ${item.score.toFixed(3)}  ${decisionNames[item.decision].padEnd(16)} ` +
    `${item.left.fullName} (${item.left.memberId}) ↔ ${item.right.fullName} (${item.right.memberId})`
  );
}
