import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.ts';
import { AppError } from './errors.ts';
import {
  isMissingReference,
  isRecordNotFound,
  isUniqueViolation,
  recordNotFoundAsNotFound,
  uniqueViolationAsConflict,
} from './prisma-errors.ts';

// The errors as Prisma 7 raises them through @prisma/adapter-pg (captured from a real database).
const clientVersion = Prisma.prismaVersion.client;

const duplicateEmail = new Prisma.PrismaClientKnownRequestError(
  'Unique constraint failed on the constraint: `User_email_key`',
  {
    code: 'P2002',
    clientVersion,
    meta: {
      modelName: 'User',
      driverAdapterError: new DriverAdapterError({
        kind: 'UniqueConstraintViolation',
        constraint: { index: 'User_email_key' },
        table: 'User',
        originalCode: '23505',
        originalMessage: 'duplicate key value violates unique constraint "User_email_key"',
      }),
    },
  },
);

/** A violation of an index on an expression (`lower("name")`), which names no column but its index. */
const caseVariantLabel = new Prisma.PrismaClientKnownRequestError(
  'Unique constraint failed on the constraint: `Label_workspaceId_lower_name_key`',
  {
    code: 'P2002',
    clientVersion,
    meta: {
      modelName: 'Label',
      driverAdapterError: new DriverAdapterError({
        kind: 'UniqueConstraintViolation',
        constraint: { index: 'Label_workspaceId_lower_name_key' },
        table: 'Label',
        originalCode: '23505',
        originalMessage: 'duplicate key value violates unique constraint "Label_workspaceId_lower_name_key"',
      }),
    },
  },
);

const recordGone = new Prisma.PrismaClientKnownRequestError(
  'An operation failed because it depends on one or more records that were required but not found. No record was found for an update.',
  { code: 'P2025', clientVersion, meta: { modelName: 'User', operation: 'an update' } },
);

const foreignKeyViolation = new Prisma.PrismaClientKnownRequestError(
  'Foreign key constraint violated on the foreign key',
  {
    code: 'P2003',
    clientVersion,
    meta: {
      modelName: 'Session',
      driverAdapterError: new DriverAdapterError({
        kind: 'ForeignKeyConstraintViolation',
        constraint: { foreignKey: {} },
        originalCode: '23503',
        originalMessage: 'insert or update on table "Session" violates foreign key constraint "Session_userId_fkey"',
      }),
    },
  },
);

/** Errors that are neither P2002 nor P2025, including look-alikes that are not Prisma's. */
const otherErrors: [string, unknown][] = [
  ['another Prisma error (P2003)', foreignKeyViolation],
  ['an unknown Prisma request error', new Prisma.PrismaClientUnknownRequestError('boom', { clientVersion })],
  ['a plain Error', new Error('P2002')],
  ['an object that only looks like a Prisma error', { code: 'P2002', meta: { target: ['email'] } }],
  ['a string', 'P2025'],
  ['undefined', undefined],
];

describe('unique-constraint violations (P2002)', () => {
  it('AUTH-11.5 are recognised, on any column or on the one named', () => {
    expect(isUniqueViolation(duplicateEmail)).toBe(true);
    expect(isUniqueViolation(duplicateEmail, 'email')).toBe(true);
    expect(isUniqueViolation(duplicateEmail, 'slug')).toBe(false);
    expect(isUniqueViolation(recordGone)).toBe(false);
  });

  it('AUTH-11.5 become CONFLICT with a field error at the input field', () => {
    const mapped = uniqueViolationAsConflict(duplicateEmail, 'email', 'This email is taken.', 'email');
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({
      message: 'This email is taken.',
      extensions: { code: 'CONFLICT', fieldErrors: [{ path: ['input', 'email'], message: 'This email is taken.' }] },
    });
    expect(JSON.stringify(mapped)).not.toMatch(/User_email_key|23505|duplicate key/);
  });

  it('PT-2.5, PT-5.4, AUTH-11.5 of an index on the lower-cased name become CONFLICT at the name', () => {
    expect(isUniqueViolation(caseVariantLabel, 'name')).toBe(true);
    expect(uniqueViolationAsConflict(caseVariantLabel, 'name', 'Taken.')).toMatchObject({
      extensions: { code: 'CONFLICT', fieldErrors: [{ path: ['input', 'name'], message: 'Taken.' }] },
    });
  });

  it('AUTH-11.5 on another column than the one named stay as they are', () => {
    expect(uniqueViolationAsConflict(duplicateEmail, 'slug', 'This URL is taken.', 'slug')).toBe(duplicateEmail);
  });
});

describe('record-not-found errors (P2025)', () => {
  it('AUTH-11.5 are recognised', () => {
    expect(isRecordNotFound(recordGone)).toBe(true);
    expect(isRecordNotFound(duplicateEmail)).toBe(false);
  });

  it('AUTH-11.5 become NOT_FOUND, without Prisma’s text', () => {
    const mapped = recordNotFoundAsNotFound(recordGone);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ message: 'This item does not exist.', extensions: { code: 'NOT_FOUND' } });
  });
});

describe('every other error', () => {
  it.each(otherErrors)('AUTH-11.5 %s is neither mapped nor recognised', (_name, error) => {
    expect(isUniqueViolation(error)).toBe(false);
    expect(isRecordNotFound(error)).toBe(false);
    expect(uniqueViolationAsConflict(error, 'email', 'Taken.')).toBe(error);
    expect(recordNotFoundAsNotFound(error)).toBe(error);
  });

  it('AUTH-11.5 a P2002 is not mistaken for a missing record, nor a P2025 for a conflict', () => {
    expect(recordNotFoundAsNotFound(duplicateEmail)).toBe(duplicateEmail);
    expect(uniqueViolationAsConflict(recordGone, 'email', 'Taken.')).toBe(recordGone);
  });
});

describe('foreign-key violations (P2003)', () => {
  it('WS-5.12, AUTH-11.5 are recognised as a reference to a row deleted meanwhile; no other error is', () => {
    expect(isMissingReference(foreignKeyViolation)).toBe(true);
    const others = [duplicateEmail, recordGone, ...otherErrors.slice(1).map(([, error]) => error)];
    expect(others.map(isMissingReference)).toEqual(others.map(() => false));
  });
});
