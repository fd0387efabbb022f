// The sections of a workspace's settings, as links under the page's heading.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';

export function SettingsNav(props: { readonly slug: string }): JSX.Element {
  return (
    <nav class="segmented settings-nav" aria-label="Settings">
      <A href={`/${props.slug}/settings`} end>
        General
      </A>
      <A href={`/${props.slug}/settings/api-tokens`}>API tokens</A>
    </nav>
  );
}
