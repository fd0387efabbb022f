// The header's workspace menu: the current workspace, the user's others, and "Create workspace".
import { useParams } from '@solidjs/router';
import { type FragmentOf, readFragment } from 'gql.tada';
import { For, type JSX } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { Menu, MenuLink, MenuSeparator } from '../../components/Menu.tsx';
import { graphql } from '../../graphql.ts';

/** What the switcher shows, read with the rest of the header (shell/AppLayout.tsx). */
export const WorkspaceSwitcherFields = graphql(`
  fragment WorkspaceSwitcherFields on Query {
    workspaces(first: 100) {
      nodes {
        id
        name
        slug
      }
    }
  }
`);

export function WorkspaceSwitcher(props: {
  readonly data: FragmentOf<typeof WorkspaceSwitcherFields> | undefined;
}): JSX.Element {
  const params = useParams<{ slug?: string }>();
  const nodes = () => (props.data ? readFragment(WorkspaceSwitcherFields, props.data).workspaces.nodes : []);
  const current = () => nodes().find((workspace) => workspace.slug === params.slug);

  return (
    <Menu
      buttonClass="switcher-button"
      label={
        <>
          <span class="visually-hidden">Workspace: </span>
          <span class="switcher-name">{current()?.name ?? 'Workspaces'}</span>
          <span class="switcher-chevron" aria-hidden="true" />
        </>
      }
    >
      <For each={nodes()}>
        {(workspace) => (
          <MenuLink href={`/${workspace.slug}`} current={workspace.slug === params.slug}>
            <Avatar name={workspace.name} kind="workspace" size="small" />
            <span class="menu-item-text">{workspace.name}</span>
          </MenuLink>
        )}
      </For>
      <MenuSeparator />
      <MenuLink href="/new">
        <span class="menu-item-icon" aria-hidden="true">
          +
        </span>
        <span class="menu-item-text">Create workspace</span>
      </MenuLink>
    </Menu>
  );
}
