import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/**
 * Every expected failure the API reports, mapped to its tRPC code in exactly one table:
 * adding a code without a mapping does not compile.
 */
export const appErrorStatus = {
  INVALID_INPUT: 'BAD_REQUEST',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  CROSS_SITE_REQUEST: 'FORBIDDEN',
  MEMBER_NOT_FOUND: 'NOT_FOUND',
  STAFF_NOT_FOUND: 'NOT_FOUND',
  CASE_NOT_FOUND: 'NOT_FOUND',
  CASE_EXPIRED: 'PRECONDITION_FAILED',
  TICKET_NOT_FOUND: 'NOT_FOUND',
  DUPLICATE_NOT_FOUND: 'NOT_FOUND',
  SCAN_NOT_FOUND: 'NOT_FOUND',
  ACCOUNT_NOT_FOUND: 'NOT_FOUND',
  IMPORT_NOT_FOUND: 'NOT_FOUND',
  IMPORT_FILE_INVALID: 'BAD_REQUEST',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  CODE_INVALID: 'BAD_REQUEST',
  PASSWORD_REJECTED: 'BAD_REQUEST',
  REAUTH_REQUIRED: 'FORBIDDEN',
  ACCOUNT_FROZEN: 'FORBIDDEN',
  ACCOUNT_LOCKED: 'FORBIDDEN',
  ACCOUNT_CLOSED: 'FORBIDDEN',
  CONTROL_NOT_PROVEN: 'PRECONDITION_FAILED',
  TOTP_REQUIRED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
  CLAIM_NOT_FOUND: 'NOT_FOUND',
  CLAIM_NOT_ELIGIBLE: 'PRECONDITION_FAILED',
  CLAIM_IN_PROGRESS: 'CONFLICT',
  CLAIM_AT_BRANCH: 'PRECONDITION_FAILED',
  CLAIM_STATE_CHANGED: 'CONFLICT',
  DOCUMENT_REJECTED: 'BAD_REQUEST',
  DOCUMENT_NOT_FOUND: 'NOT_FOUND',
  DOCUMENTS_MISSING: 'PRECONDITION_FAILED',
  BRANCH_NOT_FOUND: 'NOT_FOUND',
  SLOT_UNAVAILABLE: 'CONFLICT',
  APPOINTMENT_NOT_FOUND: 'NOT_FOUND',
  CORRECTION_NOT_FOUND: 'NOT_FOUND',
  CORRECTION_PENDING: 'CONFLICT',
  CORRECTION_DECIDED: 'CONFLICT',
  NIK_BELONGS_TO_ANOTHER_MEMBER: 'CONFLICT',
  INCIDENT_NOT_FOUND: 'NOT_FOUND',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof appErrorStatus;

/** Short English descriptions; front ends translate by `appCode`, the CLI prints these. */
const messages: Record<AppErrorCode, string> = {
  INVALID_INPUT: 'The input is not valid.',
  INVALID_CREDENTIALS: 'The email/KPJ or password is wrong.',
  UNAUTHENTICATED: 'Please log in first.',
  FORBIDDEN: 'Your role may not do this.',
  CROSS_SITE_REQUEST: 'Cross-site requests are refused.',
  MEMBER_NOT_FOUND: 'No member matches that KPJ or NIK.',
  STAFF_NOT_FOUND: 'No staff user has that username.',
  CASE_NOT_FOUND: 'No open case of yours has that id.',
  CASE_EXPIRED: 'The case has expired or was closed; verify the member again.',
  TICKET_NOT_FOUND: 'No customer-service ticket has that id.',
  DUPLICATE_NOT_FOUND: 'No duplicate review item has that id.',
  SCAN_NOT_FOUND: 'No registry scan has that id.',
  ACCOUNT_NOT_FOUND: 'No online account has that id.',
  IMPORT_NOT_FOUND: 'No import job has that id.',
  IMPORT_FILE_INVALID: 'The file cannot be imported (its header or its encoding).',
  RATE_LIMITED: 'Too many attempts; try again later.',
  CODE_INVALID: 'The code or link is wrong, expired or already used.',
  PASSWORD_REJECTED: 'Choose another password.',
  REAUTH_REQUIRED: 'Enter your password again to continue.',
  ACCOUNT_LOCKED: 'After too many failed attempts this account is locked; reset the password with "lupa password".',
  ACCOUNT_FROZEN: 'This account is frozen for your protection; recover it through "lupa akun".',
  ACCOUNT_CLOSED: 'This account was closed as a duplicate; log in with the account you kept.',
  CONTROL_NOT_PROVEN: 'First prove that each account to close is yours (its password or a code sent to its email).',
  TOTP_REQUIRED: 'Enter the 6-digit code from your authenticator app.',
  CONFLICT: 'That conflicts with the current state; reload and try again.',
  CLAIM_NOT_FOUND: 'No JHT claim has that number.',
  CLAIM_NOT_ELIGIBLE: 'The claim cannot be made yet; see the reasons.',
  CLAIM_IN_PROGRESS: 'A claim for this reason is already in progress.',
  CLAIM_AT_BRANCH: 'This claim is made at a branch office: book an appointment.',
  CLAIM_STATE_CHANGED: 'The claim is not in a state that allows this (it may have just changed).',
  DOCUMENT_REJECTED: 'The document was refused.',
  DOCUMENT_NOT_FOUND: 'No document has that id.',
  DOCUMENTS_MISSING: 'Some required documents are missing.',
  BRANCH_NOT_FOUND: 'No branch office has that code.',
  SLOT_UNAVAILABLE: 'That time slot is not available; choose another.',
  APPOINTMENT_NOT_FOUND: 'No appointment has that number.',
  CORRECTION_NOT_FOUND: 'No correction request has that number.',
  CORRECTION_PENDING: 'A correction of this item is already waiting for a decision.',
  CORRECTION_DECIDED: 'This correction request was already decided (it may have just changed).',
  NIK_BELONGS_TO_ANOTHER_MEMBER:
    'The corrected NIK belongs to another member record: that is a duplicate person for a supervisor (pulih duplicates), not a correction.',
  INCIDENT_NOT_FOUND: 'No personal-data incident has that number.',
  INTERNAL: 'Something went wrong on our side; please try again.',
};

/** Extra, safe facts a client may show: when to retry, which password rules failed. */
export interface AppErrorDetails {
  readonly retryAfterSeconds?: number;
  readonly reasons?: readonly string[];
}

export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  readonly details: AppErrorDetails;
  constructor(appCode: AppErrorCode, message: string = messages[appCode], details: AppErrorDetails = {}) {
    super({ code: appErrorStatus[appCode], message });
    this.appCode = appCode;
    this.details = details;
  }
}

export const appError = (code: AppErrorCode, message?: string, details?: AppErrorDetails): AppError =>
  new AppError(code, message, details);

/** The appCode reported for any error, including tRPC's own (bad input, unknown route). */
export function appCodeOf(error: TRPCError): AppErrorCode {
  if (error instanceof AppError) return error.appCode;
  switch (error.code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
    case 'NOT_FOUND':
    case 'METHOD_NOT_SUPPORTED':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'PAYLOAD_TOO_LARGE':
      return 'INVALID_INPUT';
    case 'UNAUTHORIZED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'TOO_MANY_REQUESTS':
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL';
  }
}

export const publicMessageOf = (code: AppErrorCode): string => messages[code];
