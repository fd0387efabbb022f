// The browsers and devices signed in to this account.
import { createQuery } from '@urql/solid';
import { For, type JSX } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { SessionItem, SessionItemFields } from './SessionItem.tsx';

const SessionsQuery = graphql(
  `
    query Sessions {
      sessions {
        id
        ...SessionItemFields
      }
    }
  `,
  [SessionItemFields],
);

export function SessionsList(): JSX.Element {
  const [sessions, refetch] = createQuery({ query: SessionsQuery });
  return (
    <QueryView
      state={sessions}
      loadingLabel="Loading sessions…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      isEmpty={(data) => data.sessions.length === 0}
      empty="No active sessions."
    >
      {(data) => (
        <ul class="sessions">
          <For each={data().sessions}>{(session) => <SessionItem session={session} />}</For>
        </ul>
      )}
    </QueryView>
  );
}
