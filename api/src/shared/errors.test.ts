import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  AppError,
  badUserInput,
  conflict,
  type FieldError,
  forbidden,
  notFound,
  rateLimited,
  throwNotFound,
  unauthenticated,
} from './errors.ts';

/** The codes requirement 11.1 allows for conditions the client must know (the limit codes are not built here). */
const CLIENT_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED'];

const emailTaken: FieldError = { path: ['input', 'email'], message: 'An account with this email already exists.' };

describe('client-facing errors', () => {
  it.each([
    ['unauthenticated', unauthenticated(), 'UNAUTHENTICATED'],
    ['forbidden', forbidden(), 'FORBIDDEN'],
    ['notFound', notFound(), 'NOT_FOUND'],
    ['badUserInput', badUserInput([emailTaken]), 'BAD_USER_INPUT'],
    ['conflict', conflict('Taken.'), 'CONFLICT'],
    ['rateLimited', rateLimited(30), 'RATE_LIMITED'],
  ])('AUTH-11.1 %s is a GraphQL error whose extensions.code is its tier', (_name, error, code) => {
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toBeInstanceOf(AppError);
    expect(error.extensions.code).toBe(code);
    expect(error.code).toBe(code);
    expect(CLIENT_CODES).toContain(error.extensions.code);
    expect(error.message).not.toBe('');
  });

  it('AUTH-11.1 a GraphQL error serialises its code under extensions, as the client receives it', () => {
    expect(forbidden('Only owners may do this.').toJSON()).toEqual({
      message: 'Only owners may do this.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('AUTH-11.1, AUTH-11.2 badUserInput carries every field error with its input path', () => {
    const name: FieldError = { path: ['input', 'name'], message: 'Enter a name.' };
    const error = badUserInput([emailTaken, name]);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [emailTaken, name] });
  });

  it('AUTH-11.1 conflict keeps its message and carries field errors only when given some', () => {
    expect(conflict('Taken.').extensions).toEqual({ code: 'CONFLICT' });
    const error = conflict(emailTaken.message, [emailTaken]);
    expect(error.message).toBe(emailTaken.message);
    expect(error.extensions).toEqual({ code: 'CONFLICT', fieldErrors: [emailTaken] });
  });

  it('AUTH-11.1 notFound names what is missing, and throwNotFound throws it', () => {
    expect(notFound('This session').message).toBe('This session does not exist.');
    expect(throwNotFound).toThrow(expect.objectContaining({ extensions: { code: 'NOT_FOUND' } }));
  });

  it('AUTH-11.1, AUTH-3.4 rateLimited gives retryAfter in whole seconds, rounded up, at least 1', () => {
    expect(rateLimited(12.2).extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 13 });
    expect(rateLimited(0).extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 1 });
    expect(rateLimited(12.2).message).toBe('Too many attempts. Try again in 13 seconds.');
  });
});
