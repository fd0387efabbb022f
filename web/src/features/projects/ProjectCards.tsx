// Projects as cards linking to their boards: key, name, description, lead and number of tasks.
import { A } from '@solidjs/router';
import { type FragmentOf, readFragment } from 'gql.tada';
import { For, type JSX, Show } from 'solid-js';
import { graphql } from '../../graphql.ts';

export const ProjectCardFields = graphql(`
  fragment ProjectCardFields on Project {
    id
    name
    key
    description
    archivedAt
    taskCount
    lead {
      id
      name
    }
  }
`);

const plural = new Intl.PluralRules('en');
export const taskCount = (count: number): string => `${count} ${plural.select(count) === 'one' ? 'task' : 'tasks'}`;

interface ProjectCardsProps {
  readonly slug: string;
  readonly projects: readonly FragmentOf<typeof ProjectCardFields>[];
  /** Actions for one project (archive, delete), for those who may manage it. */
  readonly actions?: (project: {
    readonly id: string;
    readonly name: string;
    readonly archived: boolean;
  }) => JSX.Element;
}

export function ProjectCards(props: ProjectCardsProps): JSX.Element {
  return (
    <ul class="project-cards">
      <For each={props.projects.map((project) => readFragment(ProjectCardFields, project))}>
        {(project) => (
          <li class="project-card" classList={{ 'project-card-archived': Boolean(project.archivedAt) }}>
            <A href={`/${props.slug}/projects/${project.key}`} class="project-card-link">
              <span class="project-key">{project.key}</span>
              <span class="project-card-name">{project.name}</span>
            </A>
            <Show when={project.description}>
              <p class="project-card-text">{project.description}</p>
            </Show>
            <p class="row-meta">
              <span>{taskCount(project.taskCount)}</span>
              <Show when={project.lead}>{(lead) => <span>Lead: {lead().name}</span>}</Show>
              <Show when={project.archivedAt}>
                <span class="badge">Archived</span>
              </Show>
            </p>
            <Show when={props.actions}>
              {(actions) => (
                <div class="row-actions">
                  {actions()({ id: project.id, name: project.name, archived: Boolean(project.archivedAt) })}
                </div>
              )}
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
