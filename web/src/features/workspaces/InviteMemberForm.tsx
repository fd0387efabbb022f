// Invite by email with a role; the one-time link is shown once, with a Copy button, right after.
import { createMutation } from '@urql/solid';
import { createSignal, type JSX, Show } from 'solid-js';
import { CopyField } from '../../components/CopyField.tsx';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { formatDate } from './format.ts';
import { RoleOptions } from './RoleOptions.tsx';
import { parseRole, roleLabels, type WorkspaceRole } from './roles.ts';

const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      url
      invitation {
        id
        email
        role
        expiresAt
      }
    }
  }
`);

interface InviteMemberFormProps {
  readonly workspaceId: string;
  /** The roles the viewer may give. */
  readonly roles: readonly WorkspaceRole[];
}

export function InviteMemberForm(props: InviteMemberFormProps): JSX.Element {
  const [, inviteMember] = createMutation(InviteMemberMutation);
  // The link exists only in this response: the server keeps no way to show it again.
  const [sent, setSent] = createSignal<{ readonly url: string; readonly email: string; readonly note: string }>();
  const form = createFormSubmission({
    fields: ['email', 'role'],
    send: (value) =>
      inviteMember({
        input: { workspaceId: props.workspaceId, email: value('email'), role: parseRole(value('role')) ?? 'VIEWER' },
      }),
    onSuccess: ({ inviteMember: { url, invitation } }, element) => {
      setSent({
        url,
        email: invitation.email,
        note: `${roleLabels[invitation.role]} · expires ${formatDate(invitation.expiresAt)}`,
      });
      // Only the email is cleared: the next invitation often wants the same role.
      const email = element.elements.namedItem('email');
      if (email instanceof HTMLInputElement) email.value = '';
    },
    successNotice: 'Invitation created. Copy the link below.',
  });

  return (
    <>
      <form class="form form-inline" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <div class="form-row">
          <TextField
            label="Email"
            name="email"
            type="email"
            autocomplete="off"
            required
            error={form.fieldError('email')}
          />
          <SelectField label="Role" name="role" error={form.fieldError('role')}>
            <RoleOptions roles={props.roles} selected="MEMBER" />
          </SelectField>
        </div>
        <div class="form-actions">
          <SubmitButton busy={form.busy()} busyLabel="Inviting…">
            Invite
          </SubmitButton>
          <FormNotice message={form.notice()} />
        </div>
      </form>
      <Show when={sent()}>
        {(invitation) => (
          <div class="one-time-result">
            <p>
              Invitation for <strong>{invitation().email}</strong> created ({invitation().note}). Send them this link:
              it is shown only now.
            </p>
            <CopyField label="Invitation link" value={invitation().url} />
          </div>
        )}
      </Show>
    </>
  );
}
