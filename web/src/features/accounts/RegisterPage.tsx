// Create an account; it signs in at once.
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
import { NewPasswordField } from './NewPasswordField.tsx';

const RegisterMutation = graphql(
  `
    mutation Register($input: RegisterInput!) {
      register(input: $input) {
        ...SessionTokenFields
      }
    }
  `,
  [SessionTokenFields],
);

export default function RegisterPage(): JSX.Element {
  const auth = useAuth();
  const location = useLocation();
  const [, register] = createMutation(RegisterMutation);
  const form = createFormSubmission({
    fields: ['name', 'email', 'password'],
    send: (value) => register({ input: { name: value('name'), email: value('email'), password: value('password') } }),
    onSuccess: (data) => auth.signIn(data.register),
  });
  setPageTitle('Create your account');

  return (
    <>
      <h1>Create your account</h1>
      <p class="lead">Plan projects and move work forward with your team.</p>
      <form class="form" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <TextField label="Name" name="name" autocomplete="name" required error={form.fieldError('name')} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autocomplete="email"
          required
          error={form.fieldError('email')}
        />
        <NewPasswordField label="Password" name="password" error={form.fieldError('password')} />
        <SubmitButton busy={form.busy()} busyLabel="Creating account…">
          Create account
        </SubmitButton>
      </form>
      <p class="guest-switch">
        Already have an account? <A href={`/login${location.search}`}>Sign in</A>
      </p>
    </>
  );
}
