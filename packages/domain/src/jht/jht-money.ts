/**
 * Money is whole rupiah in safe integers. Products such as balance × rate × months can pass 2^53,
 * so `amount × numerator / denominator` is computed exactly in BigInt and rounded once, at the end,
 * in the way each rule names.
 */

export function requireRupiah(value: number, label = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new Error(`${label} must be whole rupiah: ${value}`);
  return value;
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`amount out of the safe integer range: ${value}`);
  return n;
}

function requireDenominator(denominator: bigint): void {
  if (denominator <= 0n) throw new Error('denominator must be positive');
}

/** ⌊amount × numerator / denominator⌋ (towards minus infinity). */
export function mulDivFloor(amount: number | bigint, numerator: number | bigint, denominator: number | bigint): number {
  const d = BigInt(denominator);
  requireDenominator(d);
  const n = BigInt(amount) * BigInt(numerator);
  const q = n / d;
  return toSafeNumber(n % d !== 0n && n < 0n ? q - 1n : q);
}

/** amount × numerator / denominator rounded to the nearest rupiah, halves away from zero. */
export function mulDivRoundHalfUp(
  amount: number | bigint,
  numerator: number | bigint,
  denominator: number | bigint,
): number {
  const d = BigInt(denominator);
  requireDenominator(d);
  const n = BigInt(amount) * BigInt(numerator);
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return toSafeNumber(n < 0n ? -magnitude : magnitude);
}
