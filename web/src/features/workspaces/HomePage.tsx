// `/`: opens the remembered workspace, else the first one; a user without one is offered to create or join one.
import { Navigate } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx';
import { JoinByLinkForm } from './JoinByLinkForm.tsx';
import { workspaceToOpen } from './remembered-workspace.ts';

const HomeWorkspacesQuery = graphql(`
  query HomeWorkspaces {
    workspaces(first: 100) {
      nodes {
        id
        slug
      }
    }
  }
`);

export default function HomePage(): JSX.Element {
  const [workspaces, refetch] = createQuery({ query: HomeWorkspacesQuery });
  return (
    <QueryView
      state={workspaces}
      loadingLabel="Opening your workspace…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(data) => (
        <Show
          when={workspaceToOpen(data().workspaces.nodes.map((workspace) => workspace.slug))}
          fallback={<FirstRun />}
        >
          {(slug) => <Navigate href={`/${slug()}`} />}
        </Show>
      )}
    </QueryView>
  );
}

function FirstRun(): JSX.Element {
  setPageTitle('Welcome');
  return (
    <div class="page">
      <header class="page-header">
        <h1>Welcome to Yello</h1>
        <p class="lead">
          A workspace holds your team’s projects and tasks. Create one for your team, or join one you were invited to.
        </p>
      </header>
      <div class="choices">
        <section class="card" aria-labelledby="create-heading">
          <h2 id="create-heading">Create a workspace</h2>
          <p class="card-lead">You will be its owner and can invite your team.</p>
          <CreateWorkspaceForm />
        </section>
        <section class="card" aria-labelledby="join-heading">
          <h2 id="join-heading">Have an invitation link?</h2>
          <p class="card-lead">Paste the link a teammate sent you to see the invitation.</p>
          <JoinByLinkForm />
        </section>
      </div>
    </div>
  );
}
