// `/:slug/members`: the members with their roles; admins also invite, manage roles and pending invitations.
import { useParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, For, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { InviteMemberForm } from './InviteMemberForm.tsx';
import { LeaveWorkspace } from './LeaveWorkspace.tsx';
import { MemberRow, MemberRowFields } from './MemberRow.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';

const WorkspaceMembersQuery = graphql(
  `
    query WorkspaceMembers($slug: String!, $after: String) {
      workspace(slug: $slug) {
        id
        name
        viewerCan {
          manageMembers
          assignableRoles
        }
        members(first: 100, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            ...MemberRowFields
          }
        }
      }
    }
  `,
  [MemberRowFields],
);

export default function MembersPage(): JSX.Element {
  const params = useParams<{ slug: string }>();
  const client = useClient();
  const [members, refetch] = createQuery({ query: WorkspaceMembersQuery, variables: () => ({ slug: params.slug }) });
  const loadMore = (after: string) => client.query(WorkspaceMembersQuery, { slug: params.slug, after }).toPromise();
  createEffect(() => {
    const name = members.data?.workspace.name;
    if (name) setPageTitle(`Members · ${name}`);
  });

  return (
    <div class="page">
      <header class="page-header">
        <h1>Members</h1>
        <p class="lead">Who is in this workspace, and what each of them may do.</p>
      </header>
      <QueryView
        state={members}
        loadingLabel="Loading members…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) => {
          const workspace = () => data().workspace;
          return (
            <>
              <Show when={workspace().viewerCan.manageMembers}>
                <section class="card" aria-labelledby="invite-heading">
                  <h2 id="invite-heading">Invite someone</h2>
                  <p class="card-lead">They get a link to join with the role you choose.</p>
                  <InviteMemberForm workspaceId={workspace().id} roles={workspace().viewerCan.assignableRoles} />
                </section>
              </Show>
              <section class="card" aria-labelledby="members-heading">
                <h2 id="members-heading">
                  Members <span class="count">{workspace().members.totalCount}</span>
                </h2>
                <Show when={!workspace().viewerCan.manageMembers}>
                  <p class="card-lead">Admins and owners manage members and roles.</p>
                </Show>
                <ul class="rows">
                  <For each={workspace().members.nodes}>
                    {(member) => (
                      <MemberRow
                        member={member}
                        assignableRoles={workspace().viewerCan.assignableRoles}
                        workspaceName={workspace().name}
                      />
                    )}
                  </For>
                </ul>
                <ShowMore pageInfo={workspace().members.pageInfo} load={loadMore} />
              </section>
              <Show when={workspace().viewerCan.manageMembers}>
                <section class="card" aria-labelledby="invitations-heading">
                  <h2 id="invitations-heading">Pending invitations</h2>
                  <p class="card-lead">Links that have not been used yet. Revoking one stops it from working.</p>
                  <PendingInvitations slug={params.slug} />
                </section>
              </Show>
              <LeaveWorkspace workspaceId={workspace().id} workspaceName={workspace().name} />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
