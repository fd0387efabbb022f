// `/:slug/projects/:key/settings`: admins change the project's details and its workflow states; others read them.
import { useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, For, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { categoryLabels } from '../tasks/list-params.ts';
import { loadEveryMember, TaskChoicesFields, taskChoices } from '../tasks/task-choices.ts';
import { AddWorkflowStateForm } from './AddWorkflowStateForm.tsx';
import { ProjectDetailsForm } from './ProjectDetailsForm.tsx';
import { WorkflowStateRow } from './WorkflowStateRow.tsx';

const ProjectSettingsQuery = graphql(
  `
  query ProjectSettings($slug: String!, $key: String!) {
    project(workspaceSlug: $slug, key: $key) {
      id
      name
      key
      description
      lead {
        id
        name
      }
      states {
        id
        name
        color
        category
        taskCount
      }
      workspace {
        id
        viewerCan {
          updateSettings
        }
        ...TaskChoicesFields
      }
    }
  }
`,
  [TaskChoicesFields],
);

export default function ProjectSettingsPage(): JSX.Element {
  const params = useParams<{ slug: string; key: string }>();
  const [settings, refetch] = createQuery({
    query: ProjectSettingsQuery,
    variables: () => ({ slug: params.slug, key: params.key }),
  });
  loadEveryMember(() => settings.data?.project.workspace);
  createEffect(() => {
    const name = settings.data?.project.name;
    if (name) setPageTitle(`Settings · ${name}`);
  });

  return (
    <QueryView
      state={settings}
      loadingLabel="Loading project settings…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(data) => {
        const project = () => data().project;
        const canEdit = () => project().workspace.viewerCan.updateSettings;
        // Anyone who could be assigned a task can lead the project.
        const members = () => taskChoices(project().workspace).assignees;
        return (
          <div class="project-settings">
            <section class="card" aria-labelledby="project-details-heading">
              <h2 id="project-details-heading">Details</h2>
              <Show
                when={canEdit()}
                fallback={
                  <>
                    <p class="card-lead">Only admins and owners can change these.</p>
                    <dl class="details">
                      <div>
                        <dt>Name</dt>
                        <dd>{project().name}</dd>
                      </div>
                      <div>
                        <dt>Key</dt>
                        <dd>{project().key}</dd>
                      </div>
                      <div>
                        <dt>Description</dt>
                        <dd>{project().description || '—'}</dd>
                      </div>
                      <div>
                        <dt>Lead</dt>
                        <dd>{project().lead?.name ?? 'No lead'}</dd>
                      </div>
                    </dl>
                  </>
                }
              >
                <ProjectDetailsForm project={project()} members={members()} />
              </Show>
            </section>
            <section class="card" aria-labelledby="workflow-heading">
              <h2 id="workflow-heading">Workflow states</h2>
              <p class="card-lead">The board’s columns, in order.</p>
              <Show
                when={canEdit()}
                fallback={
                  <ul class="rows">
                    <For each={project().states}>
                      {(state) => (
                        <li class="row">
                          <span class="color-dot" style={{ background: state.color }} aria-hidden="true" />
                          <div class="row-details">
                            <p class="row-title">{state.name}</p>
                            <p class="row-meta">{categoryLabels[state.category]}</p>
                          </div>
                        </li>
                      )}
                    </For>
                  </ul>
                }
              >
                <ul class="rows">
                  <For each={project().states}>
                    {(state) => <WorkflowStateRow state={state} states={project().states} />}
                  </For>
                </ul>
                <AddWorkflowStateForm projectId={project().id} />
              </Show>
            </section>
          </div>
        );
      }}
    </QueryView>
  );
}
