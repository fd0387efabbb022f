// What a member or viewer sees at a webhooks page: webhooks are for owners and admins.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';

export function WebhooksForbidden(props: { readonly slug: string }): JSX.Element {
  return (
    <section class="card empty-state" aria-labelledby="webhooks-forbidden">
      <h2 id="webhooks-forbidden">Only owners and admins manage webhooks</h2>
      <p class="lead">Ask one of them if this workspace’s events should reach another service.</p>
      <A href={`/${props.slug}/settings`} class="button button-primary">
        Back to settings
      </A>
    </section>
  );
}
