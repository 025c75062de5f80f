import { InvalidArgumentError } from 'commander';
import type { ApiOutputs } from '../api-types.js';

export type CorrectionView = ApiOutputs['corrections']['list']['corrections'][number];

/** A correction number as printed: `KOR-7Q2M-9XKD` (any case). */
export function parseCorrectionId(value: string): string {
  const id = value.trim().toUpperCase();
  if (!/^KOR-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(id))
    throw new InvalidArgumentError('a correction number like KOR-7Q2M-9XKD');
  return id;
}

const fieldNames: Record<CorrectionView['field'], string> = {
  full_name: 'nama / name',
  birth_date: 'tgl lahir / birth date',
  mother_name: 'ibu kandung / mother',
  nik: 'NIK',
};

export const correctionFieldName = (field: CorrectionView['field']): string => fieldNames[field];

/** `2j 13m lagi / 2h 13m left`, or `TERLAMBAT 5j / OVERDUE 5h` once the deadline passed. */
export function timeLeft(view: Pick<CorrectionView, 'state' | 'minutesLeft'>): string {
  if (view.state !== 'pending') return view.state === 'approved' ? 'disetujui / approved' : 'ditolak / rejected';
  const minutes = Math.abs(view.minutesLeft);
  const hours = Math.floor(minutes / 60);
  const id = `${hours}j ${minutes % 60}m`;
  const en = `${hours}h ${minutes % 60}m`;
  return view.minutesLeft < 0 ? `TERLAMBAT ${id} / OVERDUE ${en}` : `${id} lagi / ${en} left`;
}
