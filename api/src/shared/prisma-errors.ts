// The one place that knows Prisma's error codes. Prisma text never reaches a client.
import { Prisma } from '../generated/prisma/client.ts';
import { conflict, notFound } from './errors.ts';

/** True when `error` is a unique-constraint violation (P2002), optionally on the given column. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  if (column === undefined) return true;
  return JSON.stringify(error.meta ?? {}).includes(column);
}

/** True when a write or `...OrThrow` read found no row (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

/**
 * True when a write referred to a row that no longer exists (P2003, a foreign-key violation). The services check
 * every reference before writing, so only a row deleted meanwhile by a concurrent request gets here (WS-5.12); the
 * one foreign key that restricts deletes instead (a task's state) is guarded by locks in the state's deletion.
 */
export function isMissingReference(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
}

/**
 * A unique-constraint violation (optionally on `column`) as the CONFLICT a client can fix at `input.<field>`;
 * any other error as it is.
 */
export function uniqueViolationAsConflict(error: unknown, field: string, message: string, column?: string): unknown {
  return isUniqueViolation(error, column) ? conflict(message, [{ path: ['input', field], message }]) : error;
}

/** A record-not-found error (P2025) as NOT_FOUND; any other error as it is. */
export function recordNotFoundAsNotFound(error: unknown): unknown {
  return isRecordNotFound(error) ? notFound() : error;
}
