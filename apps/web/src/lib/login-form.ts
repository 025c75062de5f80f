import type { MessageKey } from './messages';

export interface LoginFields {
  identifier: string;
  password: string;
}

/** The check made before anything is sent: both fields filled. The API judges the rest. */
export function findLoginProblem(fields: LoginFields): MessageKey | null {
  if (fields.identifier.trim() === '' || fields.password === '') return 'loginFieldsRequired';
  return null;
}
