import { tick } from 'svelte';
import { type Problem, problemOf } from '../errors';
import type { MessageKey } from '../messages';

/**
 * The step a kiosk flow is on, the problems shown on it and whether an API call is in flight.
 * Each step starts with no problem shown, at the top of the screen, with its field focused.
 */
export class KioskSteps<Step extends string> {
  step: Step;
  /** A problem with what was typed on the current step, shown under the field. */
  fieldProblem = $state<Problem | null>(null);
  /** A problem the API replied with. */
  problem = $state<Problem | null>(null);
  isPending = $state(false);

  constructor(first: Step) {
    this.step = $state(first);
  }

  /** Shows `next` with no problem, at once. */
  show(next: Step): void {
    this.step = next;
    this.fieldProblem = null;
    this.problem = null;
  }

  /** Shows `next` with no problem, from the top of the screen, and focuses `focusId` in it. */
  async goTo(next: Step, focusId: string): Promise<void> {
    this.show(next);
    await tick();
    // Each step starts at the top of the screen, with the neutral reply and the field in view.
    window.scrollTo(0, 0);
    document.getElementById(focusId)?.focus({ preventScroll: true });
  }

  /** Runs one API call, one at a time; its failure becomes the step's problem. */
  async call(action: () => Promise<void>): Promise<boolean> {
    if (this.isPending) return false;
    this.isPending = true;
    this.problem = null;
    try {
      await action();
      return true;
    } catch (error) {
      this.problem = problemOf(error);
      return false;
    } finally {
      this.isPending = false;
    }
  }
}

/** A number typed on the on-screen keypad, and what makes it valid. */
export interface KeypadField {
  id: string;
  label: string;
  hint: string;
  maxLength: number;
  /** How the digits are shown, e.g. grouped in fours for a phone number. */
  format?: (digits: string) => string;
  isValid: (digits: string) => boolean;
  /** Shown under the field when what was typed is not valid. */
  invalidKey: MessageKey;
}
