// Who the user is, and the form to change their name.
import { createMutation } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import type { JSX } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';

export const ProfileFormFields = graphql(`
  fragment ProfileFormFields on User {
    name
    email
  }
`);

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
    }
  }
`);

export function ProfileForm(props: { readonly user: FragmentOf<typeof ProfileFormFields> }): JSX.Element {
  const user = () => readFragment(ProfileFormFields, props.user);
  const [, updateProfile] = createMutation(UpdateProfileMutation);
  const form = createFormSubmission({
    fields: ['name'],
    send: (value) => updateProfile({ input: { name: value('name') } }),
    successNotice: 'Your name was saved.',
  });

  return (
    <>
      <div class="identity">
        <Avatar name={user().name} />
        <div>
          <p class="identity-name">{user().name}</p>
          <p class="identity-email">{user().email}</p>
        </div>
      </div>
      <form class="form" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <TextField
          label="Name"
          name="name"
          autocomplete="name"
          required
          value={user().name}
          error={form.fieldError('name')}
        />
        <div class="form-actions">
          <SubmitButton busy={form.busy()} busyLabel="Saving…">
            Save name
          </SubmitButton>
          <FormNotice message={form.notice()} />
        </div>
      </form>
    </>
  );
}
