// One member: who they are and their role; for a viewer who may manage them (the API says so), a role select
// and Remove.
import { createMutation } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import { createSignal, createUniqueId, type JSX, Show } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import { RoleOptions } from './RoleOptions.tsx';
import { parseRole, roleLabels, type WorkspaceRole } from './roles.ts';

export const MemberRowFields = graphql(`
  fragment MemberRowFields on Membership {
    id
    role
    isViewer
    viewerCanManage
    user {
      id
      name
      email
    }
  }
`);

const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      id
      role
      viewerCanManage
    }
  }
`);

const RemoveMemberMutation = graphql(`
  mutation RemoveMember($membershipId: ID!) {
    removeMember(membershipId: $membershipId)
  }
`);

interface MemberRowProps {
  readonly member: FragmentOf<typeof MemberRowFields>;
  /** The roles the viewer may give (`viewerCan.assignableRoles`). */
  readonly assignableRoles: readonly WorkspaceRole[];
  readonly workspaceName: string;
}

export function MemberRow(props: MemberRowProps): JSX.Element {
  const member = () => readFragment(MemberRowFields, props.member);
  const [roleChange, changeRole] = createMutation(ChangeMemberRoleMutation);
  const [, removeMember] = createMutation(RemoveMemberMutation);
  const [error, setError] = createSignal<string>();
  const nameId = createUniqueId();

  const onRoleChange: JSX.EventHandler<HTMLSelectElement, Event> = async (event) => {
    const select = event.currentTarget;
    const role = parseRole(select.value);
    if (!role) return;
    const result = await changeRole({ input: { membershipId: member().id, role } });
    setError(result.error ? errorMessage(result.error) : undefined);
    if (result.error) select.value = member().role;
  };

  return (
    <li class="row">
      <Avatar name={member().user.name} size="medium" />
      <div class="row-details">
        <p class="row-title" id={nameId}>
          <span>{member().user.name}</span>
          <Show when={member().isViewer}>
            <span class="badge">You</span>
          </Show>
        </p>
        <p class="row-meta">{member().user.email}</p>
        <InlineError message={error()} />
      </div>
      <div class="row-actions">
        <Show when={member().viewerCanManage} fallback={<span class="role">{roleLabels[member().role]}</span>}>
          <select
            class="select select-small"
            aria-label={`Role of ${member().user.name}`}
            disabled={roleChange.fetching}
            onChange={onRoleChange}
          >
            <RoleOptions roles={props.assignableRoles} selected={member().role} />
          </select>
          <ConfirmButton
            label="Remove"
            buttonClass="button button-secondary button-small"
            describedBy={nameId}
            title={`Remove ${member().user.name}?`}
            confirmLabel="Remove member"
            busyLabel="Removing…"
            onConfirm={() => removeMember({ membershipId: member().id })}
          >
            <p>
              {member().user.name} ({member().user.email}) loses access to {props.workspaceName}. You can invite them
              again later.
            </p>
          </ConfirmButton>
        </Show>
      </div>
    </li>
  );
}
