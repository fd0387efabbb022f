// The GraphQL documents `npm run bench` sends, shared by the load generator (benchmark.ts) and the plain baseline
// (baseline-server.ts), which recognises the board, the task list and moveTask by their exact text.

export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`;

export const BOARD = `query Board($slug: String!, $key: String!) {
  project(workspaceSlug: $slug, key: $key) {
    id name
    states { id name taskCount tasks(first: 100) {
      nodes { id key title priority assignee { name } labels { name color } commentCount }
    } }
  }
}`;

export const TASK_LIST = `query TaskList($slug: String!, $key: String!, $search: String!) {
  project(workspaceSlug: $slug, key: $key) {
    tasks(first: 50, filter: { priorities: [HIGH, URGENT], search: $search }, orderBy: { field: DUE_DATE }) {
      totalCount
      nodes { id key title priority dueDate state { name } assignee { name } labels { name color } }
    }
  }
}`;

/** What the list asks for, as the baseline needs it: the page size and the priorities written in TASK_LIST. */
export const TASK_LIST_PAGE = { first: 50, priorities: ['HIGH', 'URGENT'] } as const;

export const WRITE_TARGETS = `query WriteTargets($slug: String!, $key: String!, $first: Int!) {
  project(workspaceSlug: $slug, key: $key) {
    id
    workspace { labels { id } }
    states { id name tasks(first: $first) { nodes { id } } }
  }
}`;

export const CREATE_TASK = `mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { id key } }`;

export const MOVE_TASK = `mutation MoveTask($input: MoveTaskInput!) { moveTask(input: $input) { id state { name } } }`;

/** The request body of an operation, as the bench sends it. */
export const operation = (query: string, variables: Record<string, unknown>): string =>
  JSON.stringify({ query, variables });

/** The fan-out's subscribers: what a board applies from a move (`npm run bench -- --fanout`). */
export const WORKSPACE_EVENTS = `subscription WorkspaceEvents($workspaceId: ID!, $after: String) {
  workspaceEvents(workspaceId: $workspaceId, after: $after) {
    __typename cursor occurredAt
    ... on TaskMoved { version fromStateId task { id key title position state { id name } } }
  }
}`;

export const WORKSPACE_ID = `query WorkspaceId($slug: String!) { workspace(slug: $slug) { id } }`;

export const LAST_EVENT = `query LastEvent($workspaceId: ID!) {
  workspaceEvents(workspaceId: $workspaceId, last: 1) { edges { cursor } }
}`;
