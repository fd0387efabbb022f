// One pending invitation: for whom, which role, by whom, until when; Revoke stops its link working.
import { createMutation } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import { createUniqueId, type JSX } from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { graphql } from '../../graphql.ts';
import { formatDate } from './format.ts';
import { roleLabels } from './roles.ts';

export const InvitationRowFields = graphql(`
  fragment InvitationRowFields on Invitation {
    id
    email
    role
    invitedByName
    createdAt
    expiresAt
  }
`);

const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`);

export function InvitationRow(props: { readonly invitation: FragmentOf<typeof InvitationRowFields> }): JSX.Element {
  const invitation = () => readFragment(InvitationRowFields, props.invitation);
  const [, revokeInvitation] = createMutation(RevokeInvitationMutation);
  const emailId = createUniqueId();

  return (
    <li class="row">
      <div class="row-details">
        <p class="row-title" id={emailId}>
          {invitation().email}
        </p>
        <p class="row-meta">
          <span>
            Invited by {invitation().invitedByName ?? 'a former member'} on {formatDate(invitation().createdAt)}
          </span>
          <span>Expires {formatDate(invitation().expiresAt)}</span>
        </p>
      </div>
      <div class="row-actions">
        <span class="role">{roleLabels[invitation().role]}</span>
        <ConfirmButton
          label="Revoke"
          buttonClass="button button-secondary button-small"
          describedBy={emailId}
          title="Revoke this invitation?"
          confirmLabel="Revoke invitation"
          busyLabel="Revoking…"
          onConfirm={() => revokeInvitation({ id: invitation().id })}
        >
          <p>The link sent to {invitation().email} stops working. You can invite them again at any time.</p>
        </ConfirmButton>
      </div>
    </li>
  );
}
