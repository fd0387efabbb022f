// A task on the board: key, title, priority, labels, due date, comments and the assignee's initial.
import { A } from '@solidjs/router';
import { type FragmentOf, readFragment } from 'gql.tada';
import { For, type JSX, Show } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { graphql } from '../../graphql.ts';
import { formatDueDate } from './activity.ts';
import { PriorityBadge } from './PriorityBadge.tsx';
import { taskNavAttribute } from './shortcuts.ts';

export const TaskCardFields = graphql(`
  fragment TaskCardFields on Task {
    id
    version
    key
    title
    priority
    dueDate
    commentCount
    assignee {
      id
      name
    }
    labels {
      id
      name
      color
    }
  }
`);

/** Today as a calendar date in the reader's time zone ('sv' writes YYYY-MM-DD), to compare with due dates. */
const today = (): string => new Date().toLocaleDateString('sv');

interface TaskCardProps {
  readonly task: FragmentOf<typeof TaskCardFields>;
  readonly href: string;
  readonly done: boolean;
  readonly describedBy?: string | undefined;
  /** Its index in its column, for the virtualiser that renders the column (`data-index`). */
  readonly index?: number | undefined;
  /** Its offset in its column's list, in px, where the virtualiser places it. */
  readonly top?: number | undefined;
  /** The list item, which a drag measures and moves. */
  readonly itemRef?: ((element: HTMLLIElement) => void) | undefined;
  /** The link, where a drag starts. */
  readonly linkRef?: ((element: HTMLAnchorElement) => void) | undefined;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

export function TaskCard(props: TaskCardProps): JSX.Element {
  const task = () => readFragment(TaskCardFields, props.task);
  return (
    <li
      ref={(element) => props.itemRef?.(element)}
      class="task-card-item"
      data-index={props.index}
      style={props.top === undefined ? undefined : { top: `${props.top}px` }}
    >
      <A
        ref={(element: HTMLAnchorElement) => props.linkRef?.(element)}
        href={props.href}
        class="task-card"
        data-task-id={task().id}
        aria-describedby={props.describedBy}
        onKeyDown={(event) => props.onKeyDown(event)}
        {...{ [taskNavAttribute]: '' }}
      >
        <span class="task-card-top">
          <span class="task-key">{task().key}</span>
          <PriorityBadge priority={task().priority} />
        </span>
        <span class="task-card-title">{task().title}</span>
        <span class="task-card-meta">
          <For each={task().labels}>{(label) => <LabelChip name={label.name} color={label.color} />}</For>
          <TaskDue date={task().dueDate} done={props.done} />
          <Show when={task().commentCount > 0}>
            <span class="task-comments" title="Comments">
              <svg
                width="12"
                height="12"
                viewBox="0 0 16 16"
                fill="none"
                stroke="currentColor"
                stroke-width="1.6"
                aria-hidden="true"
              >
                <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" stroke-linejoin="round" />
              </svg>
              {task().commentCount}
              <span class="visually-hidden"> comments</span>
            </span>
          </Show>
          <TaskAssignee assignee={task().assignee} />
        </span>
      </A>
    </li>
  );
}

/** A label's name on its colour. */
export function LabelChip(props: { readonly name: string; readonly color: string }): JSX.Element {
  return (
    <span class="label-chip">
      <span class="color-dot" style={{ background: props.color }} aria-hidden="true" />
      {props.name}
    </span>
  );
}

/** A due date, in red once it has passed on a task that is not done. */
export function TaskDue(props: { readonly date: string | null; readonly done: boolean }): JSX.Element {
  return (
    <Show when={props.date}>
      {(due) => (
        <span class="task-due" classList={{ 'task-due-overdue': !props.done && due() < today() }}>
          <span class="visually-hidden">Due </span>
          {formatDueDate(due())}
        </span>
      )}
    </Show>
  );
}

/** The assignee's initial, named for screen readers. */
export function TaskAssignee(props: { readonly assignee: { readonly name: string } | null }): JSX.Element {
  return (
    <Show when={props.assignee}>
      {(assignee) => (
        <span class="task-assignee" title={assignee().name}>
          <Avatar name={assignee().name} size="small" />
          <span class="visually-hidden">Assigned to {assignee().name}</span>
        </span>
      )}
    </Show>
  );
}
