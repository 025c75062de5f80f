/**
 * Instants are ISO-8601 strings with an explicit offset (`2024-05-01T03:00:00.000Z`,
 * `2024-05-01T10:00:00+07:00`), so reading one never depends on the machine's time zone.
 */
export type IsoInstant = string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch; a malformed instant comes from our own storage, so it is a bug. */
export function instantToMs(value: IsoInstant): number {
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant with an offset: ${JSON.stringify(value)}`);
  return ms;
}

/** `now` is a caller's argument; an invalid `Date` is a bug. */
export function dateToMs(now: Date): number {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new Error('now is an invalid Date');
  return ms;
}
