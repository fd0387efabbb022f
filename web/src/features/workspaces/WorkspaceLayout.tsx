// `/:slug/…`: checks that the user may open the workspace, remembers it, and shows its tabs above the page; holds the
// workspace's live events (workspace-events.ts) for the pages below, with an indicator of their connection. Owners and
// admins see a notice above every page while Yello has disabled one of the workspace's webhooks (HOOK-6.4).
import { A, type RouteSectionProps, useLocation, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, createSignal, type JSX, on, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import type { PreloadQueries } from '../../shell/lazy-page.tsx';
import { DisabledWebhooksNotice } from '../webhooks/DisabledWebhooksNotice.tsx';
import { LiveStatus } from './LiveStatus.tsx';
import { rememberWorkspace } from './remembered-workspace.ts';
import { WorkspaceNotFound } from './WorkspaceNotFound.tsx';
import { createWorkspaceEvents, WorkspaceEventsContext } from './workspace-events.ts';

const WorkspaceLayoutQuery = graphql(`
  query WorkspaceLayout($slug: String!) {
    workspace(slug: $slug) {
      id
      slug
      viewerCan {
        updateSettings
      }
    }
  }
`);

/** The workspace, asked for as soon as one of its pages is opened, beside the page's own queries (WEB-9.1). */
export const preloadQueries: PreloadQueries = (client, { params }) => {
  if (params.slug) void client.query(WorkspaceLayoutQuery, { slug: params.slug }).toPromise();
};

/** Scrolls the tabs sideways, when they do not all fit (a narrow phone), so that the current one is in view. */
function revealCurrentTab(tabs: HTMLElement): void {
  const current = tabs.querySelector('[aria-current="page"]');
  if (!current) return;
  const box = current.getBoundingClientRect();
  const visible = tabs.getBoundingClientRect();
  if (box.left < visible.left) tabs.scrollLeft -= visible.left - box.left;
  else if (box.right > visible.right) tabs.scrollLeft += box.right - visible.right;
}

export default function WorkspaceLayout(props: RouteSectionProps): JSX.Element {
  const params = useParams<{ slug: string }>();
  const [workspace, refetch] = createQuery({ query: WorkspaceLayoutQuery, variables: () => ({ slug: params.slug }) });
  const events = createWorkspaceEvents(() => workspace.data?.workspace.id);

  createEffect(() => {
    const slug = workspace.data?.workspace.slug;
    if (slug) rememberWorkspace(slug);
  });

  const location = useLocation();
  const [tabs, setTabs] = createSignal<HTMLElement>();
  createEffect(
    on([tabs, () => location.pathname], ([element]) => {
      if (element) revealCurrentTab(element);
    }),
  );

  // The tabs and the page render at once, beside the workspace's own query (the page's queries were sent with it,
  // WEB-9.1), so that nothing moves when its answer arrives (WEB-9.2); a workspace that cannot be opened replaces
  // them with why.
  return (
    <Show
      when={!(workspace.error && !workspace.data)}
      fallback={
        <QueryView
          state={workspace}
          loadingLabel="Opening the workspace…"
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
          notFound={<WorkspaceNotFound />}
        >
          {() => null}
        </QueryView>
      }
    >
      <WorkspaceEventsContext.Provider value={events}>
        <div class="workspace-bar">
          <nav class="tabs" aria-label="Workspace" ref={setTabs}>
            <A href={`/${params.slug}`} end>
              Overview
            </A>
            <A href={`/${params.slug}/projects`}>Projects</A>
            <A href={`/${params.slug}/members`}>Members</A>
            <A href={`/${params.slug}/settings`}>Settings</A>
          </nav>
          <LiveStatus status={events.status()} />
        </div>
        <Show when={workspace.data?.workspace.viewerCan.updateSettings}>
          <DisabledWebhooksNotice slug={params.slug} />
        </Show>
        {props.children}
      </WorkspaceEventsContext.Provider>
    </Show>
  );
}
