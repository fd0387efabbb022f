// The one mapping from GraphQL errors (`extensions.code`, `fieldErrors`) to messages people read.
import type { CombinedError } from '@urql/core';

export interface FormErrors {
  /** Messages keyed by input field name (the last segment of the error's path). */
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly formError?: string;
}

export const networkErrorMessage = "Can't reach Yello. Check your connection and try again.";
export const unexpectedErrorMessage = 'Something went wrong. Try again.';

// The server writes these codes' messages for people; any other code is masked or technical.
const codesWithReadableMessages = new Set(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

type GraphQLErrorLike = CombinedError['graphQLErrors'][number];

interface FieldError {
  readonly field: string;
  readonly message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (!isRecord(entry) || !Array.isArray(entry.path) || typeof entry.message !== 'string') return [];
    const field: unknown = entry.path.at(-1);
    return typeof field === 'string' ? [{ field, message: entry.message }] : [];
  });
}

function retryMessage(retryAfter: unknown): string {
  if (typeof retryAfter !== 'number' || retryAfter <= 0) return 'Too many attempts, try again later.';
  const [amount, unit] = retryAfter < 60 ? [Math.ceil(retryAfter), 'second'] : [Math.ceil(retryAfter / 60), 'minute'];
  const duration = new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
  return `Too many attempts, try again in ${duration}.`;
}

function graphQLErrorMessage(error: GraphQLErrorLike): string {
  const { code, retryAfter } = error.extensions;
  if (code === 'RATE_LIMITED') return retryMessage(retryAfter);
  return typeof code === 'string' && codesWithReadableMessages.has(code) ? error.message : unexpectedErrorMessage;
}

/** Whether the server refused the operation with `code` (e.g. `NOT_FOUND`). */
export function hasErrorCode(error: CombinedError, code: string): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === code);
}

/** One sentence describing why an operation failed, for views without fields. */
export function errorMessage(error: CombinedError): string {
  const [first] = error.graphQLErrors;
  if (error.networkError || !first) return networkErrorMessage;
  return graphQLErrorMessage(first);
}

/**
 * Splits an operation's errors into messages for the form's `fields` and one for the whole form.
 * A field error for a field the form does not show becomes the form's message, so none is lost.
 */
export function toFormErrors(error: CombinedError, fields: readonly string[]): FormErrors {
  if (error.networkError || error.graphQLErrors.length === 0)
    return { fieldErrors: {}, formError: networkErrorMessage };
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const graphQLError of error.graphQLErrors) {
    const errors = readFieldErrors(graphQLError.extensions.fieldErrors);
    if (errors.length === 0) formErrors.push(graphQLErrorMessage(graphQLError));
    for (const { field, message } of errors) {
      if (!fields.includes(field)) formErrors.push(message);
      else fieldErrors[field] ??= message;
    }
  }
  const [formError] = formErrors;
  return formError === undefined ? { fieldErrors } : { fieldErrors, formError };
}
