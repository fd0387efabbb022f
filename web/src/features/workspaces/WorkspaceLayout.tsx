// `/:slug/…`: checks that the user may open the workspace, remembers it, and shows its tabs above the page; holds the
// workspace's live events (workspace-events.ts) for the pages below, with an indicator of their connection.
import { A, type RouteSectionProps, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, type JSX } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { LiveStatus } from './LiveStatus.tsx';
import { rememberWorkspace } from './remembered-workspace.ts';
import { WorkspaceNotFound } from './WorkspaceNotFound.tsx';
import { createWorkspaceEvents, WorkspaceEventsContext } from './workspace-events.ts';

const WorkspaceLayoutQuery = graphql(`
  query WorkspaceLayout($slug: String!) {
    workspace(slug: $slug) {
      id
      slug
    }
  }
`);

export default function WorkspaceLayout(props: RouteSectionProps): JSX.Element {
  const params = useParams<{ slug: string }>();
  const [workspace, refetch] = createQuery({ query: WorkspaceLayoutQuery, variables: () => ({ slug: params.slug }) });
  const events = createWorkspaceEvents(() => workspace.data?.workspace.id);

  createEffect(() => {
    const slug = workspace.data?.workspace.slug;
    if (slug) rememberWorkspace(slug);
  });

  return (
    <QueryView
      state={workspace}
      loadingLabel="Opening the workspace…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      notFound={<WorkspaceNotFound />}
    >
      {() => (
        <WorkspaceEventsContext.Provider value={events}>
          <div class="workspace-bar">
            <nav class="tabs" aria-label="Workspace">
              <A href={`/${params.slug}`} end>
                Overview
              </A>
              <A href={`/${params.slug}/projects`}>Projects</A>
              <A href={`/${params.slug}/members`}>Members</A>
              <A href={`/${params.slug}/settings`}>Settings</A>
            </nav>
            <LiveStatus status={events.status()} />
          </div>
          {props.children}
        </WorkspaceEventsContext.Provider>
      )}
    </QueryView>
  );
}
