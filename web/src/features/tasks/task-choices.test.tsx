// The assignee list of a big workspace: the real app client (cache, pagination) over a fake API behind fetch.
import { render, waitFor } from '@solidjs/testing-library';
import { createQuery, Provider } from '@urql/solid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test/fake-api.ts';
import { graphql } from '../../graphql.ts';
import { createAuth } from '../../lib/auth.ts';
import { createAppClient } from '../../lib/client.ts';
import { loadEveryMember, TaskChoicesFields, taskChoices } from './task-choices.ts';

const WorkspaceChoicesQuery = graphql(
  `
    query WorkspaceChoices($slug: String!) {
      workspace(slug: $slug) {
        id
        ...TaskChoicesFields
      }
    }
  `,
  [TaskChoicesFields],
);

const pageSize = 100;
const people = Array.from({ length: 230 }, (_, index) => ({ id: `u${index}`, name: `Person ${index}` }));

/** The members page after `after` (a member index), as the API would answer it. */
function membersPage(after: number) {
  const page = people.slice(after, after + pageSize);
  return {
    __typename: 'WorkspaceMembersConnection',
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: after + pageSize < people.length,
      endCursor: String(after + page.length),
    },
    nodes: page.map((person) => ({
      __typename: 'Membership',
      id: `m-${person.id}`,
      user: { __typename: 'User', ...person },
    })),
  };
}

/** The API: the first page with the workspace, later pages through `node(id)`. */
const api = () =>
  fakeApi((operationName, variables) => {
    const workspace = { __typename: 'Workspace', id: 'w1' };
    return operationName === 'MoreWorkspaceMembers'
      ? { node: { ...workspace, members: membersPage(Number(variables.after)) } }
      : { workspace: { ...workspace, labels: [], members: membersPage(0) } };
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('assignees', () => {
  it('PT-8.2 offers every member of a workspace bigger than one page', async () => {
    const { fetch, requests } = api();
    vi.stubGlobal('fetch', fetch);
    const client = createAppClient(createAuth(async () => ({ kind: 'signedOut' })));
    const Assignees = () => {
      const [result] = createQuery({ query: WorkspaceChoicesQuery, variables: { slug: 'acme' } });
      loadEveryMember(() => result.data?.workspace);
      return <p>{result.data ? taskChoices(result.data.workspace).assignees.length : 'loading'}</p>;
    };
    const { container, unmount } = render(() => (
      <Provider value={client}>
        <Assignees />
      </Provider>
    ));
    await waitFor(() => expect(container.textContent).toBe(String(people.length)));
    expect(requests).toEqual(['WorkspaceChoices', 'MoreWorkspaceMembers', 'MoreWorkspaceMembers']);
    unmount();
  });
});
