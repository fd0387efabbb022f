// `/:slug/projects`: the workspace's projects; admins and owners also create, archive and delete them.
import { useParams, useSearchParams } from '@solidjs/router';
import { createMutation, createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, type JSX, Show } from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { CreateProjectForm } from './CreateProjectForm.tsx';
import { ProjectCardFields, ProjectCards } from './ProjectCards.tsx';

const WorkspaceProjectsQuery = graphql(
  `
    query WorkspaceProjects($slug: String!, $includeArchived: Boolean!, $after: String) {
      workspace(slug: $slug) {
        id
        name
        viewerCan {
          updateSettings
        }
        projects(first: 50, after: $after, includeArchived: $includeArchived) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            ...ProjectCardFields
          }
        }
      }
    }
  `,
  [ProjectCardFields],
);

const ArchiveProjectMutation = graphql(`
  mutation ArchiveProject($id: ID!) {
    archiveProject(id: $id) {
      id
      archivedAt
    }
  }
`);

const UnarchiveProjectMutation = graphql(`
  mutation UnarchiveProject($id: ID!) {
    unarchiveProject(id: $id) {
      id
      archivedAt
    }
  }
`);

const DeleteProjectMutation = graphql(`
  mutation DeleteProject($id: ID!) {
    deleteProject(id: $id)
  }
`);

export default function ProjectsPage(): JSX.Element {
  const params = useParams<{ slug: string }>();
  const [search, setSearch] = useSearchParams<{ archived?: string }>();
  const client = useClient();
  const includeArchived = (): boolean => search.archived === '1';
  const variables = () => ({ slug: params.slug, includeArchived: includeArchived() });
  const [projects, refetch] = createQuery({ query: WorkspaceProjectsQuery, variables });
  const loadMore = (after: string) => client.query(WorkspaceProjectsQuery, { ...variables(), after }).toPromise();
  const [, archive] = createMutation(ArchiveProjectMutation);
  const [, unarchive] = createMutation(UnarchiveProjectMutation);
  const [, deleteProject] = createMutation(DeleteProjectMutation);
  const [actionError, setActionError] = createSignal<string>();
  createEffect(() => {
    const name = projects.data?.workspace.name;
    if (name) setPageTitle(`Projects · ${name}`);
  });

  const toggleArchive = async (project: { id: string; archived: boolean }): Promise<void> => {
    const result = await (project.archived ? unarchive({ id: project.id }) : archive({ id: project.id }));
    setActionError(result.error ? errorMessage(result.error) : undefined);
  };

  return (
    <div class="page">
      <header class="page-header">
        <h1>Projects</h1>
        <p class="lead">Each project has its own board, workflow and task keys.</p>
      </header>
      <QueryView
        state={projects}
        loadingLabel="Loading projects…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) => {
          const workspace = () => data().workspace;
          return (
            <>
              <Show when={workspace().viewerCan.updateSettings}>
                <section class="card" aria-labelledby="new-project-heading">
                  <h2 id="new-project-heading">New project</h2>
                  <p class="card-lead">It starts with the states Backlog, Todo, In Progress, Done and Canceled.</p>
                  <CreateProjectForm workspaceId={workspace().id} slug={params.slug} />
                </section>
              </Show>
              <section class="card" aria-labelledby="projects-heading">
                <div class="section-heading">
                  <h2 id="projects-heading">All projects</h2>
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      checked={includeArchived()}
                      onChange={(event) => setSearch({ archived: event.currentTarget.checked ? '1' : undefined })}
                    />
                    Show archived
                  </label>
                </div>
                <InlineError message={actionError()} />
                <Show
                  when={workspace().projects.nodes.length > 0}
                  fallback={
                    <p class="empty-note">
                      {workspace().viewerCan.updateSettings
                        ? 'No projects yet — create one above.'
                        : 'No projects yet. Admins and owners create them.'}
                    </p>
                  }
                >
                  <ProjectCards
                    slug={params.slug}
                    projects={workspace().projects.nodes}
                    actions={
                      workspace().viewerCan.updateSettings
                        ? (project) => (
                            <>
                              <button
                                type="button"
                                class="button button-secondary button-small"
                                onClick={() => toggleArchive(project)}
                              >
                                {project.archived ? 'Unarchive' : 'Archive'}
                              </button>
                              <ConfirmButton
                                label="Delete"
                                buttonClass="button button-secondary button-small"
                                title={`Delete ${project.name}?`}
                                confirmLabel="Delete project"
                                busyLabel="Deleting…"
                                onConfirm={() => deleteProject({ id: project.id })}
                              >
                                <p>The project, its tasks, comments and history are deleted for everyone.</p>
                              </ConfirmButton>
                            </>
                          )
                        : undefined
                    }
                  />
                </Show>
                <ShowMore pageInfo={workspace().projects.pageInfo} load={loadMore} />
              </section>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
