// What a task's fields can be set to in a workspace: its labels, and its members as assignees. The list view's
// filters and the task page's fields read the same fragment.
import { type FragmentOf, readFragment } from 'gql.tada';
import { graphql } from '../../graphql.ts';

export const TaskChoicesFields = graphql(`
  fragment TaskChoicesFields on Workspace {
    labels {
      id
      name
      color
    }
    members(first: 100) {
      nodes {
        id
        user {
          id
          name
        }
      }
    }
  }
`);

export interface Assignee {
  readonly id: string;
  readonly name: string;
}

/** The workspace's labels and the people a task can be assigned to. */
export function taskChoices(workspace: FragmentOf<typeof TaskChoicesFields>) {
  const { labels, members } = readFragment(TaskChoicesFields, workspace);
  const assignees: Assignee[] = members.nodes.map((member) => member.user);
  return { labels, assignees };
}
