// For the workspace's owners and admins, at the top of every workspace page: each webhook Yello disabled (410 Gone, or
// three days of failures), named by its URL and linking to its page, with why (HOOK-6.4). Read again on each
// navigation, so a webhook disabled meanwhile shows on the next page.
import { A, useLocation } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, For, type JSX, on } from 'solid-js';
import { graphql } from '../../graphql.ts';
import { webhookPath } from './webhook-fields.ts';

const DisabledWebhooksQuery = graphql(`
  query DisabledWebhooks($slug: String!) {
    workspace(slug: $slug) {
      id
      webhooks {
        id
        url
        disabledReason
      }
    }
  }
`);

export function DisabledWebhooksNotice(props: { readonly slug: string }): JSX.Element {
  const location = useLocation();
  const [webhooks, refetch] = createQuery({
    query: DisabledWebhooksQuery,
    variables: () => ({ slug: props.slug }),
    requestPolicy: 'cache-and-network',
  });
  createEffect(
    on(
      () => location.pathname,
      () => refetch({ requestPolicy: 'cache-and-network' }),
      { defer: true },
    ),
  );
  const disabled = () => webhooks.data?.workspace.webhooks?.filter((webhook) => webhook.disabledReason !== null) ?? [];

  // A live region that is always there, so that a notice is announced when it appears.
  return (
    <div class="webhook-notices" role="status">
      <For each={disabled()}>
        {(webhook) => (
          <p class="banner banner-error webhook-notice">
            Yello disabled the webhook <A href={webhookPath(props.slug, webhook.id)}>{webhook.url}</A>:{' '}
            {webhook.disabledReason} Nothing is delivered to it until an admin enables it again.
          </p>
        )}
      </For>
    </div>
  );
}
