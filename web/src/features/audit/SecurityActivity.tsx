// The profile's recent security activity (HOOK-2.3): the person's latest sign-ins, failed ones included, sign-outs,
// revoked sessions and password changes, with where they came from.
import { createQuery } from '@urql/solid';
import { For, type JSX } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { AuditEntryFields, AuditEntryRow } from './AuditEntryRow.tsx';

/** How many entries the profile shows. */
export const RECENT_ENTRIES = 10;

const SecurityActivityQuery = graphql(
  `
    query SecurityActivity($first: Int!) {
      me {
        id
        auditEntries(first: $first) {
          nodes {
            id
            ...AuditEntryFields
          }
        }
      }
    }
  `,
  [AuditEntryFields],
);

export function SecurityActivity(): JSX.Element {
  const [activity, refetch] = createQuery({
    query: SecurityActivityQuery,
    variables: { first: RECENT_ENTRIES },
    requestPolicy: 'cache-and-network',
  });
  return (
    <QueryView
      state={activity}
      loadingLabel="Loading your security activity…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      isEmpty={(data) => (data.me.auditEntries?.nodes.length ?? 0) === 0}
      empty="No activity yet."
    >
      {(data) => (
        <ul class="rows">
          <For each={data().me.auditEntries?.nodes ?? []}>{(entry) => <AuditEntryRow entry={entry} ownAccount />}</For>
        </ul>
      )}
    </QueryView>
  );
}
