// `/:slug/settings/webhooks`: owners and admins create webhooks (the secret shown once) and see the workspace's
// webhooks, each leading to its page (changes, secret, deliveries). Others are told the page is not theirs.
import { useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { readFragment } from 'gql.tada';
import { createEffect, For, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { SettingsNav } from '../workspaces/SettingsNav.tsx';
import { CreateWebhookForm } from './CreateWebhookForm.tsx';
import { WebhookRow } from './WebhookRow.tsx';
import { WebhooksForbidden } from './WebhooksForbidden.tsx';
import { WebhookFields, WebhookProjectChoices } from './webhook-fields.ts';

const WorkspaceWebhooksQuery = graphql(
  `
    query WorkspaceWebhooks($slug: String!) {
      workspace(slug: $slug) {
        id
        name
        slug
        webhooks {
          id
          ...WebhookFields
        }
        ...WebhookProjectChoices
      }
    }
  `,
  [WebhookFields, WebhookProjectChoices],
);

export default function WebhooksPage(): JSX.Element {
  const params = useParams<{ slug: string }>();
  const [webhooks, refetch] = createQuery({ query: WorkspaceWebhooksQuery, variables: () => ({ slug: params.slug }) });
  createEffect(() => {
    const name = webhooks.data?.workspace.name;
    if (name) setPageTitle(`Webhooks · ${name}`);
  });

  return (
    <div class="page">
      <header class="page-header">
        <h1>Webhooks</h1>
        <p class="lead">Send this workspace’s events to your services as they happen, signed so they can check them.</p>
        <SettingsNav slug={params.slug} canManage={Boolean(webhooks.data?.workspace.webhooks)} />
      </header>
      <QueryView
        state={webhooks}
        loadingLabel="Loading webhooks…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        forbidden={<WebhooksForbidden slug={params.slug} />}
      >
        {(data) => {
          const workspace = () => data().workspace;
          const projects = () => readFragment(WebhookProjectChoices, workspace()).projects.nodes;
          return (
            // Null, with FORBIDDEN, for members below ADMIN: the rest of the workspace still reads.
            <Show when={workspace().webhooks} fallback={<WebhooksForbidden slug={params.slug} />}>
              {(list) => (
                <>
                  <section class="card" aria-labelledby="create-webhook-heading">
                    <h2 id="create-webhook-heading">Create a webhook</h2>
                    <p class="card-lead">
                      Yello sends each event committed from now on, in order, and retries for three days while your
                      endpoint fails.
                    </p>
                    <CreateWebhookForm workspaceId={workspace().id} slug={workspace().slug} projects={projects()} />
                  </section>
                  <section class="card" aria-labelledby="webhooks-heading">
                    <h2 id="webhooks-heading">Webhooks</h2>
                    <Show when={list().length > 0} fallback={<p class="muted">No webhooks yet.</p>}>
                      <ul class="rows">
                        <For each={list()}>{(webhook) => <WebhookRow webhook={webhook} slug={workspace().slug} />}</For>
                      </ul>
                    </Show>
                  </section>
                </>
              )}
            </Show>
          );
        }}
      </QueryView>
    </div>
  );
}
