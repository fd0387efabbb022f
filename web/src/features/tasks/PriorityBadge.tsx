// A task's priority as a small badge; no badge for "no priority".
import { type JSX, Show } from 'solid-js';
import { priorityLabels, type TaskPriority } from './priority.ts';

export function PriorityBadge(props: { readonly priority: TaskPriority }): JSX.Element {
  return (
    <Show when={props.priority !== 'NONE'}>
      <span class={`priority priority-${props.priority.toLowerCase()}`}>{priorityLabels[props.priority]}</span>
    </Show>
  );
}
