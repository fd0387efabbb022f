// Single-key shortcuts (Linear-style): they never fire while the user types or a dialog is open.
import { onCleanup, onMount } from 'solid-js';

/** Whether keys pressed on `target` are text input (fields, editable content) rather than commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export type ShortcutHandlers = Readonly<Record<string, (event: KeyboardEvent) => void>>;

/** Calls the handler named by the key pressed (`event.key`), while the component is mounted. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler(event);
  };
  onMount(() => document.addEventListener('keydown', onKeyDown));
  onCleanup(() => document.removeEventListener('keydown', onKeyDown));
}

/** Marks an element the `j`/`k` shortcuts move between (a board card, a list row's link). */
export const taskNavAttribute = 'data-task-nav';

/** Moves focus to the next (`delta` 1) or previous (-1) task on the page; the first when none has focus. */
export function focusTask(delta: 1 | -1): void {
  const tasks = [...document.querySelectorAll<HTMLElement>(`[${taskNavAttribute}]`)];
  const active = document.activeElement;
  const current = active instanceof HTMLElement ? tasks.indexOf(active) : -1;
  const next = current === -1 ? (delta === 1 ? 0 : tasks.length - 1) : current + delta;
  const target = tasks[Math.min(Math.max(next, 0), tasks.length - 1)];
  target?.focus();
  // jsdom has no scrollIntoView.
  target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}
