// What a task's fields can be set to in a workspace: its labels, and its members as assignees. The list view's
// filters and the task page's fields read the same fragment; `loadEveryMember` fetches the members past the first
// page, so a workspace of any size offers everyone.
import { useClient } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import { type Accessor, createEffect } from 'solid-js';
import { graphql } from '../../graphql.ts';

/** A page of a workspace's members, as the first page and every later one is read. */
const MemberPageFields = graphql(`
  fragment MemberPageFields on WorkspaceMembersConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      user {
        id
        name
      }
    }
  }
`);

export const TaskChoicesFields = graphql(
  `
    fragment TaskChoicesFields on Workspace {
      id
      labels {
        id
        name
        color
      }
      members(first: 100) {
        ...MemberPageFields
      }
    }
  `,
  [MemberPageFields],
);

/** The next page of a workspace's members; the cache joins it to the first (lib/client.ts, relay pagination). */
const MoreMembersQuery = graphql(
  `
    query MoreWorkspaceMembers($id: ID!, $after: String) {
      node(id: $id) {
        id
        ... on Workspace {
          members(first: 100, after: $after) {
            ...MemberPageFields
          }
        }
      }
    }
  `,
  [MemberPageFields],
);

export interface Assignee {
  readonly id: string;
  readonly name: string;
}

/** The workspace's labels and the people a task can be assigned to. */
export function taskChoices(workspace: FragmentOf<typeof TaskChoicesFields>) {
  const { labels, members } = readFragment(TaskChoicesFields, workspace);
  const assignees: Assignee[] = readFragment(MemberPageFields, members).nodes.map((member) => member.user);
  return { labels, assignees };
}

/**
 * Asks for the next page of the workspace's members whenever the joined list says there is one, until there is
 * none. A page that fails leaves the list as it is.
 */
export function loadEveryMember(workspace: Accessor<FragmentOf<typeof TaskChoicesFields> | undefined>): void {
  const client = useClient();
  createEffect(() => {
    const current = workspace();
    if (!current) return;
    const { id, members } = readFragment(TaskChoicesFields, current);
    const { pageInfo } = readFragment(MemberPageFields, members);
    const after = pageInfo.endCursor;
    if (pageInfo.hasNextPage && after) void client.query(MoreMembersQuery, { id, after }).toPromise();
  });
}
