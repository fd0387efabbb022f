import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { errorMessage, hasErrorCode, networkErrorMessage, toFormErrors, unexpectedErrorMessage } from './errors.ts';

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message, extensions }] });

describe('toFormErrors', () => {
  it('AUTH-14.2 puts each field error next to the field named by the last path segment', () => {
    const error = graphQLError('Invalid input.', {
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: ['input', 'email'], message: 'Enter a valid email address.' },
        { path: ['input', 'password'], message: 'Use at least 8 characters.' },
      ],
    });
    expect(toFormErrors(error, ['email', 'password', 'name'])).toEqual({
      fieldErrors: { email: 'Enter a valid email address.', password: 'Use at least 8 characters.' },
    });
  });

  it('AUTH-14.2 keeps the first message when a field has several', () => {
    const error = graphQLError('Invalid input.', {
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: ['input', 'newPassword'], message: 'Too short.' },
        { path: ['input', 'newPassword'], message: 'Too common.' },
      ],
    });
    expect(toFormErrors(error, ['newPassword']).fieldErrors).toEqual({ newPassword: 'Too short.' });
  });

  it('AUTH-14.2 shows a taken email (CONFLICT) at the email field', () => {
    const error = graphQLError('An account with this email already exists.', {
      code: 'CONFLICT',
      fieldErrors: [{ path: ['input', 'email'], message: 'An account with this email already exists.' }],
    });
    expect(toFormErrors(error, ['email'])).toEqual({
      fieldErrors: { email: 'An account with this email already exists.' },
    });
  });

  it('AUTH-14.2 turns a field error for a field the form lacks into the form message', () => {
    const error = graphQLError('Invalid input.', {
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['input', 'timezone'], message: 'Unknown time zone.' }],
    });
    expect(toFormErrors(error, ['name'])).toEqual({ fieldErrors: {}, formError: 'Unknown time zone.' });
  });

  it('AUTH-14.4 passes on the message of a code written for people', () => {
    const error = graphQLError('Email or password is incorrect', { code: 'UNAUTHENTICATED' });
    expect(toFormErrors(error, ['email', 'password'])).toEqual({
      fieldErrors: {},
      formError: 'Email or password is incorrect',
    });
  });

  it.each([
    [30, 'Too many attempts, try again in 30 seconds.'],
    [1, 'Too many attempts, try again in 1 second.'],
    [60, 'Too many attempts, try again in 1 minute.'],
    [601, 'Too many attempts, try again in 11 minutes.'],
  ])('AUTH-14.4 says when to try again after RATE_LIMITED (retryAfter %i)', (retryAfter, message) => {
    const error = graphQLError('Too many attempts.', { code: 'RATE_LIMITED', retryAfter });
    expect(toFormErrors(error, ['email']).formError).toBe(message);
  });

  it('AUTH-14.4 says Yello cannot be reached when the network fails', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(toFormErrors(error, ['email'])).toEqual({ fieldErrors: {}, formError: networkErrorMessage });
  });

  it('AUTH-14.4 shows a general message for masked or unknown errors', () => {
    const error = graphQLError('Unexpected error.', { code: 'INTERNAL_SERVER_ERROR' });
    expect(toFormErrors(error, ['email']).formError).toBe(unexpectedErrorMessage);
    expect(toFormErrors(graphQLError('Boom', {}), ['email']).formError).toBe(unexpectedErrorMessage);
  });
});

describe('errorMessage', () => {
  it('AUTH-15.5 describes a failed query in one sentence', () => {
    expect(errorMessage(graphQLError('Session not found.', { code: 'NOT_FOUND' }))).toBe('Session not found.');
    expect(errorMessage(new CombinedError({ networkError: new Error('offline') }))).toBe(networkErrorMessage);
  });
});

describe('hasErrorCode', () => {
  it('WS-1.5 recognises a NOT_FOUND refusal', () => {
    expect(hasErrorCode(graphQLError('Workspace not found.', { code: 'NOT_FOUND' }), 'NOT_FOUND')).toBe(true);
    expect(hasErrorCode(graphQLError('Not allowed.', { code: 'FORBIDDEN' }), 'NOT_FOUND')).toBe(false);
    expect(hasErrorCode(new CombinedError({ networkError: new Error('offline') }), 'NOT_FOUND')).toBe(false);
  });
});
