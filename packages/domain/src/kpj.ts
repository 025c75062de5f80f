import { err, ok, type Result } from './result.js';

/** A KPJ membership number is an opaque 11-digit string: no public structure, no check digit. */
export function parseKpj(raw: string): Result<string, 'KPJ_FORMAT'> {
  const kpj = raw.replace(/[\s.-]/g, '');
  return /^\d{11}$/.test(kpj) ? ok(kpj) : err('KPJ_FORMAT');
}

/** A KPJ number shown where its owner is not yet proven: the last four digits only. */
export const maskKpj = (kpj: string): string => `${'*'.repeat(Math.max(0, kpj.length - 4))}${kpj.slice(-4)}`;
