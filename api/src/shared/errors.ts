// The errors a client may see. Input the user can fix (BAD_USER_INPUT with fieldErrors),
// conditions the user must know (the other codes); anything else is thrown as is and masked by Yoga.
import { GraphQLError } from 'graphql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED';

export interface FieldError {
  path: (string | number)[];
  message: string;
}

export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.code = code;
  }
}

export const unauthenticated = (message = 'You need to sign in.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
export const notFound = (what = 'This item') => new AppError('NOT_FOUND', `${what} does not exist.`);

/** For `?? throwNotFound()` after a look-up that found nothing. */
export function throwNotFound(): never {
  throw notFound();
}
export const conflict = (message: string, fieldErrors: FieldError[] = []) =>
  new AppError('CONFLICT', message, fieldErrors.length > 0 ? { fieldErrors } : {});

export function badUserInput(fieldErrors: FieldError[], message = 'Some fields need attention.') {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors });
}

export function rateLimited(retryAfterSeconds: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError('RATE_LIMITED', `Too many attempts. Try again in ${seconds} seconds.`, {
    retryAfter: seconds,
  });
}
