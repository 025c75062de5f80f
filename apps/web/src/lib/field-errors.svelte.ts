import { type FieldCheck, type FieldProblems, findFieldProblems, hasProblems } from './account-fields';
import { locale } from './locale.svelte';

/** A form's per-field problems, checked before sending and shown next to each field. */
export class FieldErrors<F extends string> {
  problems = $state<FieldProblems<F>>({});

  /** Checks the given fields (and clears the others); true when every one is fine. */
  check(values: Readonly<Record<F, string>>, checks: Partial<Readonly<Record<F, FieldCheck>>>): boolean {
    this.problems = findFieldProblems(values, checks as Readonly<Record<F, FieldCheck>>);
    return !hasProblems(this.problems);
  }

  /** The field's problem in the current language, or null. */
  messageOf(field: F): string | null {
    const key = this.problems[field];
    return key ? locale.t[key] : null;
  }
}
