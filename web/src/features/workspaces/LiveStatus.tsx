// A quiet line beside the workspace's tabs: says when live updates are paused (the connection is lost and being
// retried) and, for a moment, when they have caught up again; empty the rest of the time. A live region that is
// always present, so screen readers announce each change without taking the user's focus.
import type { JSX } from 'solid-js';
import type { LiveStatus as Status } from './workspace-events.ts';

const messages: Readonly<Record<Status, string>> = {
  connecting: '',
  live: '',
  off: '',
  down: 'Live updates paused — reconnecting…',
  caughtUp: 'Live updates back — caught up',
};

export function LiveStatus(props: { readonly status: Status }): JSX.Element {
  return (
    <p
      class="live-status"
      classList={{ 'live-status-down': props.status === 'down', 'live-status-back': props.status === 'caughtUp' }}
      role="status"
      aria-live="polite"
    >
      {messages[props.status]}
    </p>
  );
}
