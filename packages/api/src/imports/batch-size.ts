/**
 * The size of the next batch of a long write, sized by time: a batch is one synchronous SQLite
 * transaction, so while it runs this process answers nothing else and every other process waits
 * for the one write lock. After each full batch the size becomes what would have taken
 * `targetMs` at the rate just measured (a commit's cost grows with the tables it writes into),
 * changing by at most a factor of two at a time and kept within `min`..`max` rows.
 */
export class TimedBatchSize {
  #rows: number;
  constructor(
    private readonly targetMs: number,
    private readonly min: number,
    private readonly max: number,
    initial: number,
  ) {
    this.#rows = Math.min(max, Math.max(min, initial));
  }

  get rows(): number {
    return this.#rows;
  }

  /** Records that a batch of `rows` rows took `ms`; only full batches say anything of the rate. */
  took(rows: number, ms: number): void {
    if (rows < this.#rows) return;
    const fitting = ms > 0 ? (this.targetMs * rows) / ms : this.max;
    const bounded = Math.min(this.#rows * 2, Math.max(this.#rows / 2, fitting));
    this.#rows = Math.round(Math.min(this.max, Math.max(this.min, bounded)));
  }
}
