// The workspace's unused invitations, each with Revoke (admins and owners only: the API answers null with FORBIDDEN
// for the rest, and then nothing is shown).
import { createQuery, useClient } from '@urql/solid';
import { For, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { InvitationRow, InvitationRowFields } from './InvitationRow.tsx';

const PendingInvitationsQuery = graphql(
  `
    query PendingInvitations($slug: String!, $after: String) {
      workspace(slug: $slug) {
        id
        invitations(first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            ...InvitationRowFields
          }
        }
      }
    }
  `,
  [InvitationRowFields],
);

export function PendingInvitations(props: { readonly slug: string }): JSX.Element {
  const client = useClient();
  const [invitations, refetch] = createQuery({
    query: PendingInvitationsQuery,
    variables: () => ({ slug: props.slug }),
  });
  const loadMore = (after: string) => client.query(PendingInvitationsQuery, { slug: props.slug, after }).toPromise();
  return (
    <QueryView
      state={invitations}
      loadingLabel="Loading invitations…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      isEmpty={(data) => data.workspace.invitations?.nodes.length === 0}
      empty="No pending invitations."
    >
      {(data) => (
        <Show when={data().workspace.invitations}>
          {(pending) => (
            <>
              <ul class="rows">
                <For each={pending().nodes}>{(invitation) => <InvitationRow invitation={invitation} />}</For>
              </ul>
              <ShowMore pageInfo={pending().pageInfo} load={loadMore} />
            </>
          )}
        </Show>
      )}
    </QueryView>
  );
}
