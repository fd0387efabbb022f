// `/:slug/projects/:key/list`: the project's tasks as a list, filtered and ordered by the URL's query string
// (list-params.ts, TaskFilterBar.tsx, shared with the board), so a view can be bookmarked and shared; "Show more"
// pages through it.
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { readFragment } from 'gql.tada';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { hasFilters, type ListParams, listParamsOf, orderFromParams, viewFilter } from './list-params.ts';
import { PriorityBadge } from './PriorityBadge.tsx';
import { taskNavAttribute } from './shortcuts.ts';
import { LabelChip, TaskAssignee, TaskCardFields, TaskDue } from './TaskCard.tsx';
import { TaskFilterBar } from './TaskFilterBar.tsx';
import { loadEveryMember, TaskChoicesFields } from './task-choices.ts';

const ProjectTaskListQuery = graphql(
  `
    query ProjectTaskList($slug: String!, $key: String!, $filter: TaskFilter, $orderBy: TaskOrder, $after: String) {
      project(workspaceSlug: $slug, key: $key) {
        id
        states {
          id
          name
          color
        }
        workspace {
          id
          ...TaskChoicesFields
        }
        tasks(first: 50, after: $after, filter: $filter, orderBy: $orderBy) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            completedAt
            state {
              id
              name
              color
            }
            ...TaskCardFields
          }
        }
      }
    }
  `,
  [TaskCardFields, TaskChoicesFields],
);

type SearchParams = { [Key in keyof ListParams]?: string };

export default function ListPage(): JSX.Element {
  const params = useParams<{ slug: string; key: string }>();
  const [search, setSearch] = useSearchParams<SearchParams>();
  const client = useClient();
  const listParams = (): ListParams => listParamsOf(search);
  const variables = createMemo(() => ({
    slug: params.slug,
    key: params.key,
    filter: viewFilter('list', listParams()),
    orderBy: orderFromParams(listParams()),
  }));
  const [list, refetch] = createQuery({ query: ProjectTaskListQuery, variables });
  loadEveryMember(() => list.data?.project.workspace);
  const loadMore = (after: string) => client.query(ProjectTaskListQuery, { ...variables(), after }).toPromise();

  return (
    <div class="task-list-view">
      <TaskFilterBar
        view="list"
        params={listParams()}
        onChange={(changes, options) => setSearch(changes, options)}
        path={`/${params.slug}/projects/${params.key}/list`}
        choices={list.data?.project.workspace}
        states={list.data?.project.states}
      />
      <QueryView state={list} loadingLabel="Loading tasks…" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => (
          <section class="card task-list-card" aria-labelledby="task-list-heading">
            <h2 id="task-list-heading" class="visually-hidden">
              Tasks
            </h2>
            <p class="task-list-count" role="status">
              {data().project.tasks.totalCount} {data().project.tasks.totalCount === 1 ? 'task' : 'tasks'}
              {hasFilters(listParams()) ? ' match' : ''}
            </p>
            <Show
              when={data().project.tasks.nodes.length > 0}
              fallback={
                <p class="empty-note">
                  {hasFilters(listParams())
                    ? 'No tasks match these filters.'
                    : 'No tasks yet — press c or use New task to create one.'}
                </p>
              }
            >
              <ul class="task-rows">
                <For each={data().project.tasks.nodes}>
                  {(node) => {
                    const task = () => readFragment(TaskCardFields, node);
                    return (
                      <li class="task-row">
                        <span class="task-row-state" title={node.state.name}>
                          <span class="color-dot" style={{ background: node.state.color }} aria-hidden="true" />
                          <span class="visually-hidden">{node.state.name}</span>
                        </span>
                        <span class="task-key">{task().key}</span>
                        <A
                          href={`/${params.slug}/${task().key}`}
                          class="task-row-title"
                          {...{ [taskNavAttribute]: '' }}
                        >
                          {task().title}
                        </A>
                        <span class="task-row-meta">
                          <span class="task-row-state-name">{node.state.name}</span>
                          <For each={task().labels}>
                            {(label) => <LabelChip name={label.name} color={label.color} />}
                          </For>
                          <PriorityBadge priority={task().priority} />
                          <TaskDue date={task().dueDate} done={Boolean(node.completedAt)} />
                          <TaskAssignee assignee={task().assignee} />
                        </span>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
            <ShowMore pageInfo={data().project.tasks.pageInfo} load={loadMore} />
          </section>
        )}
      </QueryView>
    </div>
  );
}
