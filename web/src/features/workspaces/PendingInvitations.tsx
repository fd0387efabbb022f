// The workspace's unused invitations, each with Revoke (admins and owners only: the API refuses the rest).
import { createQuery } from '@urql/solid';
import { For, type JSX } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { InvitationRow, InvitationRowFields } from './InvitationRow.tsx';

const PendingInvitationsQuery = graphql(
  `
    query PendingInvitations($slug: String!) {
      workspace(slug: $slug) {
        id
        invitations(first: 50) {
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
  const [invitations, refetch] = createQuery({
    query: PendingInvitationsQuery,
    variables: () => ({ slug: props.slug }),
  });
  return (
    <QueryView
      state={invitations}
      loadingLabel="Loading invitations…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      isEmpty={(data) => data.workspace.invitations.nodes.length === 0}
      empty="No pending invitations."
    >
      {(data) => (
        <ul class="rows">
          <For each={data().workspace.invitations.nodes}>
            {(invitation) => <InvitationRow invitation={invitation} />}
          </For>
        </ul>
      )}
    </QueryView>
  );
}
