// The <option>s of a role select, most powerful first.
import { For, type JSX } from 'solid-js';
import { roleLabels, type WorkspaceRole, workspaceRoles } from './roles.ts';

export function RoleOptions(props: {
  readonly roles: readonly WorkspaceRole[];
  readonly selected: WorkspaceRole;
}): JSX.Element {
  return (
    <For each={workspaceRoles.filter((role) => props.roles.includes(role))}>
      {(role) => (
        <option value={role} selected={role === props.selected}>
          {roleLabels[role]}
        </option>
      )}
    </For>
  );
}
