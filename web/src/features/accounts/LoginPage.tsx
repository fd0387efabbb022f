// Sign in with email and password.
import { A, useLocation } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { SessionTokenFields, useAuth } from '../../lib/auth.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { setPageTitle } from '../../lib/page-title.ts';

const LoginMutation = graphql(
  `
    mutation Login($input: LoginInput!) {
      login(input: $input) {
        ...SessionTokenFields
      }
    }
  `,
  [SessionTokenFields],
);

export default function LoginPage(): JSX.Element {
  const auth = useAuth();
  const location = useLocation();
  const [, login] = createMutation(LoginMutation);
  const form = createFormSubmission({
    fields: ['email', 'password'],
    send: (value) => login({ input: { email: value('email'), password: value('password') } }),
    onSuccess: (data) => auth.signIn(data.login),
  });
  setPageTitle('Sign in');

  return (
    <>
      <h1>Sign in</h1>
      <p class="lead">Welcome back. Pick up where you left off.</p>
      <form class="form" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autocomplete="email"
          required
          error={form.fieldError('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          error={form.fieldError('password')}
        />
        <SubmitButton busy={form.busy()} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <p class="guest-switch">
        New to Yello? <A href={`/register${location.search}`}>Create an account</A>
      </p>
    </>
  );
}
