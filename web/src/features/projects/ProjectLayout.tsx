// `/:slug/projects/:key/…`: the project's name, the Board and List views (sharing the URL's query string: the
// list's filters) and Settings for admins, "New task" and the shortcuts.
import { A, type RouteSectionProps, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { withPathSegment } from '../../lib/redirect.ts';
import type { PreloadQueries } from '../../shell/lazy-page.tsx';
import { NewTaskDialog } from '../tasks/NewTaskDialog.tsx';
import { ShortcutHelp } from '../tasks/ShortcutHelp.tsx';
import { focusTask, useShortcuts } from '../tasks/shortcuts.ts';

const ProjectHeaderQuery = graphql(`
  query ProjectHeader($slug: String!, $key: String!) {
    project(workspaceSlug: $slug, key: $key) {
      id
      name
      key
      archivedAt
      states {
        id
        name
        category
      }
      workspace {
        id
        viewerCan {
          writeContent
          updateSettings
        }
      }
    }
  }
`);

/** The project's header, asked for as soon as one of its views is opened, beside the view's queries (WEB-9.1). */
export const preloadQueries: PreloadQueries = (client, { params }) => {
  const { slug, key } = params;
  if (slug && key) void client.query(ProjectHeaderQuery, { slug, key }).toPromise();
};

export default function ProjectLayout(props: RouteSectionProps): JSX.Element {
  const params = useParams<{ slug: string; key: string }>();
  const navigate = useNavigate();
  const location = useLocation();
  const [project, refetch] = createQuery({
    query: ProjectHeaderQuery,
    variables: () => ({ slug: params.slug, key: params.key }),
  });
  let openNewTask: (() => void) | undefined;
  const base = () => `/${params.slug}/projects/${params.key}`;
  /** The Board and List views share the URL's query string (the list's filters), so switching keeps them. */
  const view = (path: string) => `${base()}${path}${location.search}`;
  const canWrite = () => project.data?.project.workspace.viewerCan.writeContent ?? false;

  useShortcuts({
    c: () => {
      if (canWrite()) openNewTask?.();
    },
    '/': () => {
      const search = document.querySelector<HTMLElement>('[data-shortcut-search]');
      if (search) search.focus();
      else navigate(`${base()}/list`);
    },
    j: () => focusTask(1),
    k: () => focusTask(-1),
  });
  createEffect(() => {
    const name = project.data?.project.name;
    if (name) setPageTitle(name);
  });
  // A key the project had before (or typed in lower case) finds it too; the URL then shows its current key.
  createEffect(() => {
    const key = project.data?.project.key;
    if (key && key !== params.key) {
      navigate(withPathSegment(`${location.pathname}${location.search}`, 2, key), { replace: true });
    }
  });

  // The page is wide from the start, so that the frame does not change width (a layout shift) when the project's
  // header arrives (WEB-9.2).
  return (
    <div class="page wide-page">
      <QueryView
        state={project}
        loadingLabel="Opening the project…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        notFound={
          <div class="card empty-state">
            <h1>Project not found</h1>
            <p class="lead">There is no project {params.key.toUpperCase()} in this workspace, or it was deleted.</p>
            <A href={`/${params.slug}/projects`} class="button button-primary">
              See all projects
            </A>
          </div>
        }
      >
        {(data) => (
          <>
            <header class="project-header">
              <div class="project-title">
                <span class="project-key">{data().project.key}</span>
                <h1>{data().project.name}</h1>
                <Show when={data().project.archivedAt}>
                  <span class="badge">Archived</span>
                </Show>
              </div>
              <div class="project-actions">
                <nav class="segmented" aria-label="Project view">
                  <A href={view('')} end>
                    Board
                  </A>
                  <A href={view('/list')}>List</A>
                  <Show when={data().project.workspace.viewerCan.updateSettings}>
                    <A href={`${base()}/settings`}>Settings</A>
                  </Show>
                </nav>
                <ShortcutHelp />
                <Show when={data().project.workspace.viewerCan.writeContent}>
                  <button
                    type="button"
                    class="button button-primary button-small"
                    aria-keyshortcuts="c"
                    onClick={() => openNewTask?.()}
                  >
                    New task
                  </button>
                </Show>
              </div>
            </header>
            <Show when={data().project.workspace.viewerCan.writeContent}>
              <NewTaskDialog
                projectId={data().project.id}
                states={data().project.states}
                opener={(open) => {
                  openNewTask = open;
                }}
              />
            </Show>
            {props.children}
          </>
        )}
      </QueryView>
    </div>
  );
}
