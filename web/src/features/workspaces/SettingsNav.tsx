// The sections of a workspace's settings, as links under the page's heading; webhooks and the audit log for owners
// and admins only.
import { A } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';

interface SettingsNavProps {
  readonly slug: string;
  /** Whether the viewer manages the workspace (an owner or admin), who may read its audit log; unknown while loading. */
  readonly canManage?: boolean | undefined;
}

export function SettingsNav(props: SettingsNavProps): JSX.Element {
  return (
    <nav class="segmented settings-nav" aria-label="Settings">
      <A href={`/${props.slug}/settings`} end>
        General
      </A>
      <A href={`/${props.slug}/settings/api-tokens`}>API tokens</A>
      <Show when={props.canManage}>
        <A href={`/${props.slug}/settings/webhooks`}>Webhooks</A>
        <A href={`/${props.slug}/settings/audit-log`}>Audit log</A>
      </Show>
    </nav>
  );
}
