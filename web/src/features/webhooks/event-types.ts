// The event types a webhook receives, as the web app shows and chooses them: grouped by what they concern, named in
// words, and summed up in a line ("All task events, Comment added").

import type { CheckboxOptionGroup } from '../../components/CheckboxGroupField.tsx';
import type { graphql } from '../../graphql.ts';

export type WebhookEventType = ReturnType<typeof graphql.scalar<'WebhookEventType'>>;

export const eventTypeLabels: Readonly<Record<WebhookEventType, string>> = {
  TASK_CREATED: 'Task created',
  TASK_UPDATED: 'Task updated',
  TASK_MOVED: 'Task moved',
  TASK_DELETED: 'Task deleted',
  COMMENT_ADDED: 'Comment added',
  COMMENT_EDITED: 'Comment edited',
  COMMENT_DELETED: 'Comment deleted',
  PROJECT_CREATED: 'Project created',
  PROJECT_UPDATED: 'Project updated',
  PROJECT_DELETED: 'Project deleted',
  STATE_CREATED: 'Workflow state created',
  STATE_UPDATED: 'Workflow state updated',
  STATE_DELETED: 'Workflow state deleted',
  LABEL_CREATED: 'Label created',
  LABEL_UPDATED: 'Label updated',
  LABEL_DELETED: 'Label deleted',
  MEMBER_JOINED: 'Member joined',
  MEMBER_ROLE_CHANGED: 'Member’s role changed',
  MEMBER_REMOVED: 'Member removed',
  WORKSPACE_UPDATED: 'Workspace renamed or moved',
};

interface EventTypeGroup {
  readonly label: string;
  /** What choosing the whole group is called. */
  readonly allLabel: string;
  readonly types: readonly WebhookEventType[];
}

/** Every event type, in groups; each type in exactly one. */
export const eventTypeGroups: readonly EventTypeGroup[] = [
  {
    label: 'Tasks',
    allLabel: 'All task events',
    types: ['TASK_CREATED', 'TASK_UPDATED', 'TASK_MOVED', 'TASK_DELETED'],
  },
  { label: 'Comments', allLabel: 'All comment events', types: ['COMMENT_ADDED', 'COMMENT_EDITED', 'COMMENT_DELETED'] },
  {
    label: 'Projects',
    allLabel: 'All project events',
    types: ['PROJECT_CREATED', 'PROJECT_UPDATED', 'PROJECT_DELETED'],
  },
  {
    label: 'Workflow states',
    allLabel: 'All workflow state events',
    types: ['STATE_CREATED', 'STATE_UPDATED', 'STATE_DELETED'],
  },
  { label: 'Labels', allLabel: 'All label events', types: ['LABEL_CREATED', 'LABEL_UPDATED', 'LABEL_DELETED'] },
  {
    label: 'Members',
    allLabel: 'All member events',
    types: ['MEMBER_JOINED', 'MEMBER_ROLE_CHANGED', 'MEMBER_REMOVED'],
  },
  { label: 'Workspace', allLabel: 'All workspace events', types: ['WORKSPACE_UPDATED'] },
];

const allTypes = eventTypeGroups.flatMap((group) => group.types);

/** A new webhook's event types until the admin chooses: every task event. */
export const defaultEventTypes: readonly WebhookEventType[] = [
  'TASK_CREATED',
  'TASK_UPDATED',
  'TASK_MOVED',
  'TASK_DELETED',
];

/** The body's `type` of an event type, as receivers see it: `TASK_MOVED` → `task.moved`. */
export function dottedType(type: WebhookEventType): string {
  const [entity = '', ...rest] = type.toLowerCase().split('_');
  return `${entity}.${rest.join('_')}`;
}

/** The groups as the form's checkboxes show them, each type with its `type` in the body. */
export const eventTypeOptions: readonly CheckboxOptionGroup[] = eventTypeGroups.map((group) => ({
  label: group.label,
  allLabel: group.allLabel,
  options: group.types.map((type) => ({ value: type, label: eventTypeLabels[type], description: dottedType(type) })),
}));

/** The event types among form values, in the order of the groups. */
export function parseEventTypes(values: readonly string[]): WebhookEventType[] {
  return allTypes.filter((type) => values.includes(type));
}

/** The event types in a line: a whole group by its name ("All task events"), every type as "All events". */
export function eventTypesSummary(types: readonly WebhookEventType[]): string {
  if (allTypes.every((type) => types.includes(type))) return 'All events';
  return eventTypeGroups
    .flatMap((group) => {
      const chosen = group.types.filter((type) => types.includes(type));
      if (group.types.length > 1 && chosen.length === group.types.length) return [group.allLabel];
      return chosen.map((type) => eventTypeLabels[type]);
    })
    .join(', ');
}
