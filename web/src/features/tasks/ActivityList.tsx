// A task's history, oldest first, as sentences with how long ago each change was made.
import { createQuery, useClient } from '@urql/solid';
import { For, type JSX } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { formatDateTime } from '../workspaces/format.ts';
import { activitySentence, timeAgo } from './activity.ts';

const TaskActivityQuery = graphql(`
  query TaskActivity($slug: String!, $key: String!, $after: String) {
    task(workspaceSlug: $slug, key: $key) {
      id
      activity(first: 50, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          field
          from
          to
          createdAt
          actor {
            id
            name
          }
        }
      }
    }
  }
`);

export function ActivityList(props: { readonly slug: string; readonly taskKey: string }): JSX.Element {
  const client = useClient();
  const variables = () => ({ slug: props.slug, key: props.taskKey });
  const [activity, refetch] = createQuery({ query: TaskActivityQuery, variables });
  const loadMore = (after: string) => client.query(TaskActivityQuery, { ...variables(), after }).toPromise();

  return (
    <QueryView
      state={activity}
      loadingLabel="Loading the history…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(data) => (
        <>
          <ol class="activity">
            <For each={data().task.activity.nodes}>
              {(entry) => (
                <li class="activity-item">
                  <span>{activitySentence(entry)}</span>
                  <span aria-hidden="true"> · </span>
                  <time datetime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
                    {timeAgo(entry.createdAt)}
                  </time>
                </li>
              )}
            </For>
          </ol>
          <ShowMore pageInfo={data().task.activity.pageInfo} load={loadMore} />
        </>
      )}
    </QueryView>
  );
}
