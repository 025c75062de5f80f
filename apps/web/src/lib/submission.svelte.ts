import { type Problem, problemFromKey, problemOf } from './errors';
import type { MessageKey } from './messages';

/**
 * One form's call to the API: whether it is under way (the submit button is disabled meanwhile)
 * and what went wrong, kept as a Problem so that it re-translates with the language.
 */
export class Submission {
  isPending = $state(false);
  problem = $state<Problem | null>(null);

  /** Runs `task` unless one is already running; true when it succeeded. */
  async run(task: () => Promise<unknown>): Promise<boolean> {
    if (this.isPending) return false;
    this.isPending = true;
    this.problem = null;
    try {
      await task();
      return true;
    } catch (caught) {
      this.problem = problemOf(caught);
      return false;
    } finally {
      this.isPending = false;
    }
  }

  /**
   * For a field the form's alert may be about (the API does not say which field is wrong):
   * marked invalid, and read with the alert `alertId`, while there is a problem.
   */
  linkAlert(alertId: string): { invalid: boolean; describedBy: string | undefined } {
    return { invalid: this.problem !== null, describedBy: this.problem ? alertId : undefined };
  }

  /** A problem found before sending. */
  fail(key: MessageKey): void {
    this.problem = problemFromKey(key);
  }

  reset(): void {
    this.problem = null;
  }
}
