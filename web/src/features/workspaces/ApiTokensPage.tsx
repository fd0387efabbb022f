// `/:slug/settings/api-tokens`: create API tokens for scripts and services, and see and revoke them: one's own, or
// everyone's (with whose each is) for admins and owners.
import { useParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, For, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { ApiTokenRow, ApiTokenRowFields } from './ApiTokenRow.tsx';
import { CreateApiTokenForm } from './CreateApiTokenForm.tsx';
import { SettingsNav } from './SettingsNav.tsx';

const WorkspaceApiTokensQuery = graphql(
  `
    query WorkspaceApiTokens($slug: String!, $after: String) {
      workspace(slug: $slug) {
        id
        name
        slug
        viewerRole
        viewerCan {
          manageMembers
        }
        apiTokens(first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            ...ApiTokenRowFields
          }
        }
      }
    }
  `,
  [ApiTokenRowFields],
);

export default function ApiTokensPage(): JSX.Element {
  const params = useParams<{ slug: string }>();
  const client = useClient();
  const [tokens, refetch] = createQuery({ query: WorkspaceApiTokensQuery, variables: () => ({ slug: params.slug }) });
  const loadMore = (after: string) => client.query(WorkspaceApiTokensQuery, { slug: params.slug, after }).toPromise();
  createEffect(() => {
    const name = tokens.data?.workspace.name;
    if (name) setPageTitle(`API tokens · ${name}`);
  });

  return (
    <div class="page">
      <header class="page-header">
        <h1>API tokens</h1>
        <p class="lead">Let scripts and services use Yello’s API as you, in this workspace only.</p>
        <SettingsNav slug={params.slug} canManage={tokens.data?.workspace.viewerCan.manageMembers} />
      </header>
      <QueryView
        state={tokens}
        loadingLabel="Loading API tokens…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) => {
          const workspace = () => data().workspace;
          const everyones = () => workspace().viewerCan.manageMembers;
          return (
            <>
              <section class="card" aria-labelledby="create-token-heading">
                <h2 id="create-token-heading">Create a token</h2>
                <p class="card-lead">Give it only the scopes it needs, and no longer a life than it needs.</p>
                <CreateApiTokenForm
                  workspaceId={workspace().id}
                  slug={workspace().slug}
                  role={workspace().viewerRole}
                />
              </section>
              <section class="card" aria-labelledby="tokens-heading">
                <h2 id="tokens-heading">Tokens</h2>
                <p class="card-lead">
                  {everyones()
                    ? 'Every token of this workspace, whoever made it. Revoking one stops it at once.'
                    : 'Your tokens for this workspace. Revoking one stops it at once.'}
                </p>
                <Show when={workspace().apiTokens}>
                  {(list) => (
                    <Show when={list().nodes.length > 0} fallback={<p class="muted">No tokens yet.</p>}>
                      <ul class="rows">
                        <For each={list().nodes}>
                          {(token) => <ApiTokenRow token={token} showOwner={everyones()} />}
                        </For>
                      </ul>
                      <ShowMore pageInfo={list().pageInfo} load={loadMore} />
                    </Show>
                  )}
                </Show>
              </section>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
