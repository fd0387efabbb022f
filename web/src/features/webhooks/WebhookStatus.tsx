// A webhook's state as a badge: enabled, failing (still retrying), disabled by an admin or disabled by Yello.
import { type JSX, Match, Switch } from 'solid-js';

interface WebhookState {
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly failingSince: string | null;
}

export function WebhookStatus(props: { readonly webhook: WebhookState }): JSX.Element {
  return (
    <Switch fallback={<span class="badge badge-active">Enabled</span>}>
      <Match when={props.webhook.disabledReason}>
        <span class="badge badge-inactive">Disabled by Yello</span>
      </Match>
      <Match when={!props.webhook.enabled}>
        <span class="badge badge-inactive">Disabled</span>
      </Match>
      <Match when={props.webhook.failingSince}>
        <span class="badge">Failing</span>
      </Match>
    </Switch>
  );
}
