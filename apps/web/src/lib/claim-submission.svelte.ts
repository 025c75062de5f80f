import type { ClaimMessageKey } from './claim-messages';
import { type ClaimProblem, claimProblemOf } from './claim-wizard';
import { Submission } from './submission.svelte';

/**
 * A Submission whose claim errors (not eligible, documents missing, a bank account in another
 * name, a full slot…) are kept as a ClaimProblem in the claim pages' own words; everything else
 * (a password needed again, no session, rate limits) stays with the portal's error handler, so
 * SubmitOrReauth still asks for the password.
 */
export class ClaimSubmission extends Submission {
  claimProblem = $state<ClaimProblem | null>(null);
  readonly #context: 'claim' | 'appointment';

  constructor(context: 'claim' | 'appointment' = 'claim') {
    super();
    this.#context = context;
  }

  override async run(task: () => Promise<unknown>): Promise<boolean> {
    if (this.isPending) return false;
    this.claimProblem = null;
    let caught: unknown = null;
    const isDone = await super.run(async () => {
      try {
        return await task();
      } catch (error) {
        caught = error;
        throw error;
      }
    });
    const claimProblem = isDone ? null : claimProblemOf(caught, this.#context);
    if (claimProblem) {
      this.claimProblem = claimProblem;
      this.problem = null;
    }
    return isDone;
  }

  /** A claim problem found before sending, e.g. a document not uploaded yet. */
  failWith(key: ClaimMessageKey, reasonKeys: readonly ClaimMessageKey[] = []): void {
    this.problem = null;
    this.claimProblem = { key, reasonKeys, field: null };
  }

  override reset(): void {
    super.reset();
    this.claimProblem = null;
  }
}
