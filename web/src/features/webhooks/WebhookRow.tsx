// One webhook in the list: its URL (a link to its page, with its deliveries), description, event types, projects,
// whether it is enabled, why Yello disabled it, and since when it fails.
import { A } from '@solidjs/router';
import { type FragmentOf, readFragment } from 'gql.tada';
import { type JSX, Show } from 'solid-js';
import { formatDateTime } from '../workspaces/format.ts';
import { eventTypesSummary } from './event-types.ts';
import { WebhookStatus } from './WebhookStatus.tsx';
import { WebhookFields, webhookPath } from './webhook-fields.ts';

interface WebhookRowProps {
  readonly webhook: FragmentOf<typeof WebhookFields>;
  readonly slug: string;
}

export function WebhookRow(props: WebhookRowProps): JSX.Element {
  const webhook = () => readFragment(WebhookFields, props.webhook);

  return (
    <li class="row">
      <div class="row-details">
        <p class="row-title">
          <A href={webhookPath(props.slug, webhook().id)} class="webhook-url">
            {webhook().url}
          </A>
          <WebhookStatus webhook={webhook()} />
        </p>
        <Show when={webhook().description}>
          <p>{webhook().description}</p>
        </Show>
        <p class="row-meta">
          <span>{eventTypesSummary(webhook().eventTypes)}</span>
          <span>
            {webhook().projects.length === 0
              ? 'Every project'
              : webhook()
                  .projects.map((project) => project.name)
                  .join(', ')}
          </span>
          <span>Created {formatDateTime(webhook().createdAt)}</span>
        </p>
        <Show when={webhook().disabledReason}>{(reason) => <p class="row-meta">Disabled by Yello: {reason()}</p>}</Show>
        <Show when={webhook().enabled && webhook().failingSince}>
          {(since) => <p class="row-meta webhook-failing">Failing since {formatDateTime(since())}</p>}
        </Show>
      </div>
    </li>
  );
}
