// What a non-member sees at a workspace's URL: the same as for a slug nobody has, so nothing is revealed.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { setPageTitle } from '../../lib/page-title.ts';

export function WorkspaceNotFound(): JSX.Element {
  setPageTitle('Workspace not found');
  return (
    <section class="card empty-state" aria-labelledby="workspace-not-found">
      <h1 id="workspace-not-found">Workspace not found</h1>
      <p class="lead">
        There is no workspace at this address, or you are not one of its members. If someone invited you, open the link
        from your invitation.
      </p>
      <A href="/" class="button button-primary">
        Go to your workspaces
      </A>
    </section>
  );
}
