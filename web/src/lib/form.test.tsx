import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { CombinedError } from '@urql/core';
import type { JSX } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormError } from '../components/FormError.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { networkErrorMessage } from './errors.ts';
import { createFormSubmission } from './form.ts';

type SignInResult = { data?: { signedIn: boolean }; error?: CombinedError };
type Send = (input: { email: string; password: string }) => Promise<SignInResult>;

/** A sign-in form built the way every form of the app is. */
function SignInForm(props: { readonly send: Send }): JSX.Element {
  const form = createFormSubmission({
    fields: ['email', 'password'],
    send: (value) => props.send({ email: value('email'), password: value('password') }),
  });
  return (
    <form onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <TextField label="Email" name="email" type="email" error={form.fieldError('email')} />
      <TextField label="Password" name="password" type="password" error={form.fieldError('password')} />
      <SubmitButton busy={form.busy()} busyLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}

const failure = (error: CombinedError): Send => vi.fn<Send>(async () => ({ error }));

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message, extensions }] });

function submit(send: Send, email = 'ada@example.com'): void {
  render(() => <SignInForm send={send} />);
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** The ids an element's aria-describedby names. */
const describedBy = (element: HTMLElement): string[] => element.getAttribute('aria-describedby')?.split(' ') ?? [];

afterEach(cleanup);

describe('a form built from createFormSubmission, TextField, SubmitButton and FormError', () => {
  it('AUTH-14.2 shows each field error next to its field, tied to it by aria-invalid and aria-describedby', async () => {
    submit(
      failure(
        graphQLError('Invalid input.', {
          code: 'BAD_USER_INPUT',
          fieldErrors: [
            { path: ['input', 'email'], message: 'Enter a valid email address.' },
            { path: ['input', 'password'], message: 'Enter your password.' },
          ],
        }),
      ),
      'not-an-email',
    );

    const emailError = await screen.findByText('Enter a valid email address.');
    const passwordError = screen.getByText('Enter your password.');
    const email = screen.getByLabelText('Email');
    const password = screen.getByLabelText('Password');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(email)).toEqual([emailError.id]);
    expect(describedBy(password)).toEqual([passwordError.id]);
    expect(email.closest('.field')?.contains(emailError)).toBe(true);
    expect(password.closest('.field')?.contains(passwordError)).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(email);
  });

  it('AUTH-14.2 clears a field error once a submission succeeds', async () => {
    const send = vi
      .fn<Send>()
      .mockResolvedValueOnce({
        error: graphQLError('Invalid input.', {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ path: ['input', 'email'], message: 'Enter a valid email address.' }],
        }),
      })
      .mockResolvedValueOnce({ data: { signedIn: true } });
    submit(send);
    await screen.findByText('Enter a valid email address.');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByText('Enter a valid email address.')).toBeNull());
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect(email.getAttribute('aria-describedby')).toBeNull();
  });

  it('AUTH-14.3 shows the busy label, disables the button and ignores a second submission while sending', async () => {
    let finish: (result: SignInResult) => void = () => {};
    const send = vi.fn<Send>(() => new Promise((resolve) => (finish = resolve)));
    submit(send);

    const button = screen.getByRole('button');
    expect(button.textContent).toBe('Signing in…');
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button).toHaveProperty('disabled', true);

    // Enter in a field submits the form even with its button disabled.
    const form = button.closest('form');
    if (!form) throw new Error('The button is not in a form.');
    fireEvent.submit(form);
    fireEvent.click(button);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ email: 'ada@example.com', password: '' });

    finish({ data: { signedIn: true } });
    await screen.findByRole('button', { name: 'Sign in' });
    expect(button).toHaveProperty('disabled', false);
    expect(button.getAttribute('aria-busy')).toBe('false');
  });

  it('AUTH-14.4 says there were too many attempts and when to try again after RATE_LIMITED', async () => {
    submit(failure(graphQLError('Too many attempts.', { code: 'RATE_LIMITED', retryAfter: 90 })));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Too many attempts, try again in 2 minutes.');
    expect(document.activeElement).toBe(alert);
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
  });

  it('AUTH-14.4 says Yello cannot be reached when the network fails', async () => {
    submit(failure(new CombinedError({ networkError: new TypeError('Failed to fetch') })));

    expect((await screen.findByRole('alert')).textContent).toBe(networkErrorMessage);
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });
});
