// The open workspace's live events: one subscription per workspace (its layout holds it), applied to the cache by
// the app client (lib/client.ts, lib/live-events.ts), with the state of its connection for the indicator, and the
// events for pages that react to them (a task being edited).
import type { CombinedError } from '@urql/core';
import { createSubscription } from '@urql/solid';
import type { ResultOf } from 'gql.tada';
import {
  type Accessor,
  createContext,
  createEffect,
  createMemo,
  createSignal,
  on,
  onCleanup,
  useContext,
} from 'solid-js';
import { graphql } from '../../graphql.ts';
import { hasErrorCode } from '../../lib/errors.ts';
import { type LiveConnection, reconnectDelay, withLiveConnection } from '../../lib/live-events.ts';
import { CommentItemFields } from '../tasks/comment-fields.ts';
import { TaskCardFields } from '../tasks/TaskCard.tsx';

/** What the board, the list and the task page show of a task, so an event's task updates all three. */
const LiveTaskFields = graphql(
  `
    fragment LiveTaskFields on Task {
      id
      version
      position
      title
      description
      completedAt
      updatedAt
      state {
        id
        name
        category
        color
      }
      ...TaskCardFields
    }
  `,
  [TaskCardFields],
);

export const WorkspaceEventsSubscription = graphql(
  `
    subscription WorkspaceEvents($workspaceId: ID!) {
      workspaceEvents(workspaceId: $workspaceId) {
        __typename
        cursor
        ... on TaskCreated {
          version
          task {
            id
            ...LiveTaskFields
          }
        }
        ... on TaskUpdated {
          version
          fields
          actor {
            id
            name
          }
          task {
            id
            ...LiveTaskFields
          }
        }
        ... on TaskMoved {
          version
          task {
            id
            ...LiveTaskFields
          }
        }
        ... on TaskDeleted {
          version
          taskId
          stateId
        }
        ... on CommentAdded {
          version
          taskId
          comment {
            id
            version
            ...CommentItemFields
          }
        }
        ... on CommentEdited {
          version
          taskId
          comment {
            id
            version
            ...CommentItemFields
          }
        }
        ... on CommentDeleted {
          version
          taskId
          commentId
        }
        ... on LabelCreated {
          version
          label {
            id
            version
            name
            color
          }
        }
        ... on LabelUpdated {
          version
          label {
            id
            version
            name
            color
          }
        }
        ... on LabelDeleted {
          version
          labelId
        }
        ... on ProjectCreated {
          version
          project {
            id
            version
          }
        }
        ... on ProjectUpdated {
          version
          project {
            id
            version
            name
            key
            description
            archivedAt
            lead {
              id
              name
            }
          }
        }
        ... on ProjectDeleted {
          version
          projectId
        }
        ... on WorkflowStateCreated {
          version
          projectId
          state {
            id
            version
          }
        }
        ... on WorkflowStateUpdated {
          version
          projectId
          state {
            id
            version
            name
            color
            category
          }
        }
        ... on WorkflowStateDeleted {
          version
          projectId
          stateId
        }
        ... on MemberJoined {
          version
          membership {
            id
            version
          }
        }
        ... on MemberRoleChanged {
          version
          membership {
            id
            version
            role
            isViewer
            viewerCanManage
          }
        }
        ... on MemberRemoved {
          version
          membershipId
          userId
        }
        ... on WorkspaceUpdated {
          version
          workspace {
            id
            version
            name
            slug
          }
        }
        ... on ResyncRequired {
          reason
        }
      }
    }
  `,
  [LiveTaskFields, CommentItemFields],
);

export type WorkspaceEvent = ResultOf<typeof WorkspaceEventsSubscription>['workspaceEvents'];

/**
 * The live connection as the indicator shows it: `down` while it is lost and being retried, `caughtUp` for a moment
 * once it is back (the missed events come first), `off` when the server refused it for good (not a member any
 * more); quiet otherwise.
 */
export type LiveStatus = 'connecting' | 'live' | 'down' | 'caughtUp' | 'off';

/**
 * What happens to the connection: an attempt starts (`connecting`) or starts again after a failure (`retrying`); the
 * server accepts it (`connected`); it ended on an error and will be opened again (`interrupted`); the "caught up"
 * moment is over (`settled`); the server refused it for good (`stopped`).
 */
export type LiveSignal = 'connecting' | 'retrying' | 'connected' | 'interrupted' | 'settled' | 'stopped';

export function nextLiveStatus(status: LiveStatus, signal: LiveSignal): LiveStatus {
  switch (signal) {
    case 'connecting':
      // A stream the server ended (the token expired) is opened again at once: nothing to tell.
      return status === 'off' ? 'connecting' : status;
    case 'retrying':
    case 'interrupted':
      return 'down';
    case 'connected':
      return status === 'down' ? 'caughtUp' : 'live';
    case 'settled':
      return status === 'caughtUp' ? 'live' : status;
    case 'stopped':
      return 'off';
  }
}

/** How long "caught up" stays on screen. */
const caughtUpMs = 4000;
/** A stream that lasted this long ended normally (the token's lifetime): it is opened again at once. */
const healthyStreamMs = 10_000;

export interface WorkspaceEvents {
  readonly status: Accessor<LiveStatus>;
  /** Calls `listener` with each event once the cache holds it, until the returned function is called. */
  listen(listener: (event: WorkspaceEvent) => void): () => void;
}

/** Errors after which opening the stream again cannot help: the workspace is gone, or the user is not in it. */
const isFinal = (error: CombinedError): boolean => hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'FORBIDDEN');

/**
 * Holds the `workspaceEvents` subscription of the workspace `workspaceId` names (none while it is unknown), for as
 * long as the calling component lives. The connection is retried without end while the network or the server is
 * away; when the server ends the stream (the access token expired), it is opened again with a fresh token; every
 * connection resumes after the last event applied.
 */
export function createWorkspaceEvents(workspaceId: Accessor<string | undefined>): WorkspaceEvents {
  const [status, setStatus] = createSignal<LiveStatus>('connecting');
  const signal = (next: LiveSignal) => setStatus((current) => nextLiveStatus(current, next));
  const listeners = new Set<(event: WorkspaceEvent) => void>();
  const [stopped, setStopped] = createSignal(false);
  let startedAt = Date.now();
  let attempts = 0;

  // One connection state (and cursor) per workspace.
  const connection = createMemo((): LiveConnection & { forget(): void } => {
    workspaceId();
    let cursor: string | undefined;
    return {
      forget: () => {
        cursor = undefined;
      },
      after: () => cursor,
      applied: (next) => {
        cursor = next;
      },
      connecting: (retrying) => signal(retrying ? 'retrying' : 'connecting'),
      connected: () => signal('connected'),
    };
  });
  createEffect(on(workspaceId, () => setStopped(false), { defer: true }));

  const [events, resubscribe] = createSubscription(
    {
      query: WorkspaceEventsSubscription,
      variables: () => ({ workspaceId: workspaceId() ?? '' }),
      pause: () => !workspaceId() || stopped(),
      context: () => withLiveConnection(connection()),
    },
    (_previous, data) => {
      // A result refusing the subscription has no data.
      if (!data) return data;
      attempts = 0;
      for (const listener of listeners) listener(data.workspaceEvents);
      return data;
    },
  );

  createEffect(() => {
    const error = events.error;
    if (error && isFinal(error)) {
      setStopped(true);
      signal('stopped');
    }
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on(
      () => events.fetching,
      (fetching, wasFetching) => {
        if (fetching) {
          startedAt = Date.now();
          return;
        }
        if (!wasFetching || stopped() || !workspaceId()) return;
        // The stream ended: at once after a normal end, after a growing pause when it keeps failing.
        const failed = events.error !== undefined;
        if (failed) signal('interrupted');
        // A cursor the log does not know (its events were deleted, or the log began again): go on from now.
        if (events.error && hasErrorCode(events.error, 'BAD_USER_INPUT')) connection().forget();
        const delay = !failed && Date.now() - startedAt >= healthyStreamMs ? 0 : reconnectDelay(attempts++);
        clearTimeout(timer);
        timer = setTimeout(() => resubscribe(), delay);
      },
    ),
  );

  createEffect(() => {
    if (status() !== 'caughtUp') return;
    const settle = setTimeout(() => signal('settled'), caughtUpMs);
    onCleanup(() => clearTimeout(settle));
  });

  return {
    status,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const WorkspaceEventsContext = createContext<WorkspaceEvents>();

/** The open workspace's live events; none outside a workspace (or in a test rendering a page alone). */
export const useWorkspaceEvents = (): WorkspaceEvents | undefined => useContext(WorkspaceEventsContext);
