/** The clock and interval timer the idle reset runs on; injected so tests can drive time. */
export interface IdleTimers {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The real clock; looked up on each call so vitest's fake timers replace it too. */
export const systemTimers: IdleTimers = {
  now: () => Date.now(),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};

export const defaultIdleTimeoutMs = 60_000;
export const defaultIdleWarningMs = 10_000;
/** Often enough that the countdown never skips a second. */
const tickMs = 250;

export interface IdleResetOptions {
  /** Called once the kiosk has been untouched for `timeoutMs`; it must wipe every piece of member data. */
  onWipe: () => void;
  timeoutMs?: number;
  /** How long before the wipe the countdown warning shows; at most half the timeout. */
  warningMs?: number;
  timers?: IdleTimers;
}

/**
 * Wipes the kiosk after a stretch without touch or keypress, so the next visitor never sees the
 * previous one's data. Elapsed time is measured with `now()`, not by counting ticks, so a
 * throttled or late timer still wipes on time.
 */
export class IdleReset {
  /** Milliseconds left before the wipe, or null while not armed. */
  remainingMs = $state<number | null>(null);

  readonly timeoutMs: number;
  readonly warningMs: number;
  readonly #onWipe: () => void;
  readonly #timers: IdleTimers;
  #lastActivityAt = 0;
  #handle: unknown = null;

  constructor(options: IdleResetOptions) {
    this.#onWipe = options.onWipe;
    this.timeoutMs = options.timeoutMs ?? defaultIdleTimeoutMs;
    // A short timeout (tests) warns in its second half only, so the screen stays usable first.
    this.warningMs = Math.min(options.warningMs ?? defaultIdleWarningMs, this.timeoutMs / 2);
    this.#timers = options.timers ?? systemTimers;
  }

  get isArmed(): boolean {
    return this.remainingMs !== null;
  }

  get isWarning(): boolean {
    return this.remainingMs !== null && this.remainingMs <= this.warningMs;
  }

  /** Whole seconds left, rounded up, for the countdown. */
  get secondsLeft(): number {
    return Math.ceil((this.remainingMs ?? this.timeoutMs) / 1000);
  }

  /** Starts counting from now; does nothing while already counting. */
  start(): void {
    if (this.#handle !== null) return;
    this.#lastActivityAt = this.#timers.now();
    this.remainingMs = this.timeoutMs;
    this.#handle = this.#timers.setInterval(() => this.#tick(), tickMs);
  }

  /** A touch or keypress: the count starts again from the full timeout. */
  touch(): void {
    if (this.#handle === null) return;
    this.#lastActivityAt = this.#timers.now();
    this.remainingMs = this.timeoutMs;
  }

  stop(): void {
    if (this.#handle !== null) this.#timers.clearInterval(this.#handle);
    this.#handle = null;
    this.remainingMs = null;
  }

  #tick(): void {
    const remaining = this.timeoutMs - (this.#timers.now() - this.#lastActivityAt);
    if (remaining > 0) {
      this.remainingMs = remaining;
      return;
    }
    this.stop();
    this.#onWipe();
  }
}
