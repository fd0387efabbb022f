// `/:slug/settings/webhooks/:id`: one webhook: its state (and why Yello disabled it, if it did) and secret, its
// delivery log, newest first, with more on demand, and its settings. The log is read again every two seconds while a
// delivery shown is about to be sent, and for a while after each of the workspace's live events (a delivery follows
// within seconds); every half minute while the deliveries pending all wait for a later retry.
import { A, useParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { type ResultOf, readFragment } from 'gql.tada';
import { createEffect, createMemo, createSignal, createUniqueId, For, type JSX, onCleanup, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { SettingsNav } from '../workspaces/SettingsNav.tsx';
import { useWorkspaceEvents } from '../workspaces/workspace-events.ts';
import { DeliveryRow, DeliveryRowFields } from './DeliveryRow.tsx';
import { EditWebhookForm } from './EditWebhookForm.tsx';
import { WebhookActions } from './WebhookActions.tsx';
import { WebhookStatus } from './WebhookStatus.tsx';
import { WebhooksForbidden } from './WebhooksForbidden.tsx';
import { WebhookFields, WebhookProjectChoices } from './webhook-fields.ts';

const WebhookPageQuery = graphql(
  `
    query WebhookPage($slug: String!, $id: ID!, $after: String) {
      workspace(slug: $slug) {
        id
        name
        slug
        webhooks {
          id
        }
        ...WebhookProjectChoices
      }
      node(id: $id) {
        __typename
        id
        ... on Webhook {
          ...WebhookFields
          deliveries(first: 20, after: $after) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              state
              nextAttemptAt
              ...DeliveryRowFields
            }
          }
        }
      }
    }
  `,
  [WebhookFields, WebhookProjectChoices, DeliveryRowFields],
);

type PageWebhook = Extract<NonNullable<ResultOf<typeof WebhookPageQuery>['node']>, { __typename: 'Webhook' }>;

/** How often the log is read again while it is expected to change soon. */
export const deliveryPollMs = 2000;
/** How often while the deliveries pending all wait for a retry more than a minute away. */
export const retryPollMs = 30_000;
const soonMs = 60_000;
/** How long after a live event the log is watched for the delivery it makes. */
export const afterEventWatchMs = 10_000;

/** The page's id parameter as the API knows it (links encode it); undefined when it is not even well formed. */
function decodedId(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function WebhookNotFound(props: { readonly slug: string }): JSX.Element {
  return (
    <section class="card empty-state" aria-labelledby="webhook-not-found">
      <h2 id="webhook-not-found">Webhook not found</h2>
      <p class="lead">There is no such webhook in this workspace, or it was deleted.</p>
      <A href={`/${props.slug}/settings/webhooks`} class="button button-primary">
        See the webhooks
      </A>
    </section>
  );
}

export default function WebhookPage(): JSX.Element {
  const params = useParams<{ slug: string; id: string }>();
  const client = useClient();
  const id = () => decodedId(params.id) ?? '';
  const variables = () => ({ slug: params.slug, id: id() });
  const [page, refetch] = createQuery({ query: WebhookPageQuery, variables });
  const loadMore = (after: string) => client.query(WebhookPageQuery, { ...variables(), after }).toPromise();
  const headingId = createUniqueId();

  /** The webhook, when the id names one of this workspace's. */
  const webhook = createMemo((): PageWebhook | undefined => {
    const data = page.data;
    const node = data?.node;
    if (node?.__typename !== 'Webhook') return undefined;
    return data?.workspace.webhooks?.some((listed) => listed.id === node.id) ? node : undefined;
  });
  const fields = () => {
    const found = webhook();
    return found ? readFragment(WebhookFields, found) : undefined;
  };
  createEffect(() => {
    const url = fields()?.url;
    if (url) setPageTitle(`Webhook ${url}`);
  });

  // Read again while a delivery is pending, and for a while after each live event of the workspace.
  const [watching, setWatching] = createSignal(false);
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  const stopListening = useWorkspaceEvents()?.listen(() => {
    setWatching(true);
    clearTimeout(watchTimer);
    watchTimer = setTimeout(() => setWatching(false), afterEventWatchMs);
  });
  onCleanup(() => {
    stopListening?.();
    clearTimeout(watchTimer);
  });
  const pollMs = createMemo((): number | undefined => {
    if (watching()) return deliveryPollMs;
    const pending = webhook()?.deliveries.nodes.filter((delivery) => delivery.state === 'PENDING') ?? [];
    if (pending.length === 0) return undefined;
    const soon = Date.now() + soonMs;
    return pending.some((delivery) => delivery.nextAttemptAt === null || Date.parse(delivery.nextAttemptAt) <= soon)
      ? deliveryPollMs
      : retryPollMs;
  });
  createEffect(() => {
    const every = pollMs();
    if (every === undefined) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), every);
    onCleanup(() => clearInterval(timer));
  });

  return (
    <div class="page">
      <header class="page-header">
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
          <A href={`/${params.slug}/settings/webhooks`}>Webhooks</A>
          <span aria-hidden="true">›</span>
          <span aria-current="page">Webhook</span>
        </nav>
        <h1 id={headingId} class="webhook-heading">
          {fields()?.url ?? 'Webhook'}
        </h1>
        <SettingsNav slug={params.slug} canManage={Boolean(page.data?.workspace.webhooks)} />
      </header>
      <QueryView
        state={page}
        loadingLabel="Loading the webhook…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        forbidden={<WebhooksForbidden slug={params.slug} />}
      >
        {(data) => (
          <Show
            when={webhook()}
            fallback={
              data().workspace.webhooks === null ? (
                <WebhooksForbidden slug={params.slug} />
              ) : (
                <WebhookNotFound slug={params.slug} />
              )
            }
          >
            {(found) => {
              const current = () => readFragment(WebhookFields, found());
              const projects = () => readFragment(WebhookProjectChoices, data().workspace).projects.nodes;
              return (
                <>
                  <section class="card" aria-labelledby="webhook-state-heading">
                    <div class="section-heading">
                      <h2 id="webhook-state-heading">State and secret</h2>
                      <WebhookStatus webhook={current()} />
                    </div>
                    <WebhookActions slug={params.slug} webhook={current()} describedBy={headingId} />
                  </section>
                  <section class="card" aria-labelledby="deliveries-heading">
                    <h2 id="deliveries-heading">Deliveries</h2>
                    <p class="card-lead">
                      Newest first, kept two weeks. Open one to see what was sent and what your endpoint answered.
                    </p>
                    <Show
                      when={found().deliveries.nodes.length > 0}
                      fallback={<p class="muted">No deliveries yet. They appear here as events happen.</p>}
                    >
                      <ul class="rows">
                        <For each={found().deliveries.nodes}>{(delivery) => <DeliveryRow delivery={delivery} />}</For>
                      </ul>
                      <ShowMore pageInfo={found().deliveries.pageInfo} load={loadMore} />
                    </Show>
                  </section>
                  <section class="card" aria-labelledby="webhook-settings-heading">
                    <h2 id="webhook-settings-heading">Settings</h2>
                    <EditWebhookForm webhook={current()} projects={projects()} />
                  </section>
                </>
              );
            }}
          </Show>
        )}
      </QueryView>
    </div>
  );
}
