// Change the password; the server signs out every other session.
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { NewPasswordField } from './NewPasswordField.tsx';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export function ChangePasswordForm(): JSX.Element {
  const [, changePassword] = createMutation(ChangePasswordMutation);
  const form = createFormSubmission({
    fields: ['currentPassword', 'newPassword'],
    send: (value) =>
      changePassword({ input: { currentPassword: value('currentPassword'), newPassword: value('newPassword') } }),
    onSuccess: (_data, element) => element.reset(),
    successNotice: 'Password changed. You were signed out on your other devices.',
  });

  return (
    <form class="form" onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autocomplete="current-password"
        required
        error={form.fieldError('currentPassword')}
      />
      <NewPasswordField label="New password" name="newPassword" error={form.fieldError('newPassword')} />
      <div class="form-actions">
        <SubmitButton busy={form.busy()} busyLabel="Changing password…">
          Change password
        </SubmitButton>
        <FormNotice message={form.notice()} />
      </div>
    </form>
  );
}
