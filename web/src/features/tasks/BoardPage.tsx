// `/:slug/projects/:key`: the board. A column per state; cards move by drag and drop (@dnd-kit: mouse, pen and
// touch) or with Alt + arrow keys, optimistically (lib/client.ts), and a refused move comes back with a message.
// The drag and drop is code the first paint does not need: it is loaded when the pointer first comes over the board,
// or when a card is pressed before then, and attached to the cards already rendered (board-dnd.tsx,
// board-dnd-loader.ts, WEB-9.4).
// The board fills the screen below the header: each column scrolls its cards under its heading, rendering only those
// in and near view (BoardColumn.tsx), the columns scroll sideways (styles.css); a compact density, remembered per
// browser, shows more cards per screen. The list's filters apply to every column (WEB-7.2), read from the same URL
// parameters (TaskFilterBar.tsx), so that switching Board ⇄ List keeps them.
import { useParams, useSearchParams } from '@solidjs/router';
import { createMutation, createQuery, useClient } from '@urql/solid';
import { readFragment } from 'gql.tada';
import { batch, createMemo, createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import type { PreloadQueries } from '../../shell/lazy-page.tsx';
import { BoardColumn, type ColumnHandle } from './BoardColumn.tsx';
import { type BoardDensity, rememberDensity, rememberedDensity } from './board-density.ts';
import type { BoardDnd } from './board-dnd.tsx';
import { createDeferredCode } from './board-dnd-loader.ts';
import {
  type Column,
  type Direction,
  keyboardMove,
  type Layout,
  type Placement,
  placementAnnouncement,
  settledPlacement,
} from './board-placement.ts';
import { type ListParams, listParamsOf, type TaskFilter, viewFilter } from './list-params.ts';
import { TaskCardFields } from './TaskCard.tsx';
import { TaskFilterBar } from './TaskFilterBar.tsx';
import { loadEveryMember, TaskChoicesFields } from './task-choices.ts';

const ProjectBoardQuery = graphql(
  `
    query ProjectBoard($slug: String!, $key: String!, $filter: TaskFilter) {
      project(workspaceSlug: $slug, key: $key) {
        id
        workspace {
          id
          viewerCan {
            writeContent
          }
        }
        states {
          id
          name
          category
          color
          tasks(first: 30, filter: $filter) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              position
              ...TaskCardFields
            }
          }
        }
      }
    }
  `,
  [TaskCardFields],
);

/** The next page of one column; the cache (lib/client.ts) joins it to the column's tasks on the board. */
const BoardColumnPageQuery = graphql(
  `
    query BoardColumnPage($id: ID!, $after: String, $filter: TaskFilter) {
      node(id: $id) {
        id
        ... on WorkflowState {
          tasks(first: 50, after: $after, filter: $filter) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              position
              ...TaskCardFields
            }
          }
        }
      }
    }
  `,
  [TaskCardFields],
);

/** The workspace's labels and members, for the Assignee and Label filters (apart, so the board is one statement). */
const BoardFilterChoicesQuery = graphql(
  `
    query BoardFilterChoices($slug: String!, $key: String!) {
      project(workspaceSlug: $slug, key: $key) {
        id
        workspace {
          id
          ...TaskChoicesFields
        }
      }
    }
  `,
  [TaskChoicesFields],
);

const MoveTaskMutation = graphql(`
  mutation MoveTask($input: MoveTaskInput!) {
    moveTask(input: $input) {
      id
      version
      position
      state {
        id
      }
    }
  }
`);

const arrowDirections: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

type SearchParams = { [Key in keyof ListParams]?: string };

/** The columns' filter for the URL's parameters; none (the field read as without the argument) when none is set. */
function boardFilter(params: ListParams): TaskFilter | undefined {
  const applied = viewFilter('board', params);
  return Object.keys(applied).length > 0 ? applied : undefined;
}

/** The board and its filters' choices, asked for as soon as the board's route is opened (WEB-9.1). */
export const preloadQueries: PreloadQueries = (client, { params, location }) => {
  const { slug, key } = params;
  if (!slug || !key) return;
  const filter = boardFilter(listParamsOf(location.query));
  void client.query(ProjectBoardQuery, { slug, key, filter }).toPromise();
  void client.query(BoardFilterChoicesQuery, { slug, key }).toPromise();
};

export default function BoardPage(): JSX.Element {
  const params = useParams<{ slug: string; key: string }>();
  const [search, setSearch] = useSearchParams<SearchParams>();
  const listParams = (): ListParams => listParamsOf(search);
  const filter = createMemo(() => boardFilter(listParams()));
  const [board, refetch] = createQuery({
    query: ProjectBoardQuery,
    variables: () => ({ slug: params.slug, key: params.key, filter: filter() }),
  });
  const [choices] = createQuery({
    query: BoardFilterChoicesQuery,
    variables: () => ({ slug: params.slug, key: params.key }),
  });
  loadEveryMember(() => choices.data?.project.workspace);
  const [, moveTask] = createMutation(MoveTaskMutation);
  const client = useClient();
  const loadMore = (stateId: string, after: string) =>
    client.query(BoardColumnPageQuery, { id: stateId, after, filter: filter() }).toPromise();
  const columnHandles = new Map<string, ColumnHandle>();
  /** While a card is held: where it and the others would land, and the column it came from. */
  const [preview, setPreview] = createSignal<Layout>();
  const [held, setHeld] = createSignal<Column>();
  const [heldTaskId, setHeldTaskId] = createSignal<string>();
  const [announcement, setAnnouncement] = createSignal('');
  const [moveError, setMoveError] = createSignal<string>();
  const hintId = createUniqueId();
  const [density, setDensity] = createSignal<BoardDensity>(rememberedDensity());
  const toggleDensity = (): void => {
    const next = density() === 'compact' ? 'comfortable' : 'compact';
    setDensity(next);
    rememberDensity(next);
  };

  const states = () => board.data?.project.states ?? [];
  const canWrite = () => board.data?.project.workspace.viewerCan.writeContent ?? false;
  const columns = (): Column[] =>
    states().map((state) => ({ stateId: state.id, taskIds: state.tasks.nodes.map((task) => task.id) }));
  const tasksById = createMemo(
    () => new Map(states().flatMap((state) => state.tasks.nodes.map((task) => [task.id, task]))),
  );
  const tasksIn = (state: ReturnType<typeof states>[number]) => {
    const ids = preview()?.[state.id];
    if (!ids) return state.tasks.nodes;
    return ids.flatMap((id) => {
      const task = tasksById().get(id);
      return task ? [task] : [];
    });
  };
  const keyOf = (taskId: string): string => {
    const task = tasksById().get(taskId);
    return task ? readFragment(TaskCardFields, task).key : 'The task';
  };
  const stateName = (stateId: string): string => states().find((state) => state.id === stateId)?.name ?? '';

  /** How many tasks a column has (those matching the filters), loaded or not. */
  const countOf = (stateId: string): number => states().find((state) => state.id === stateId)?.tasks.totalCount ?? 0;

  const move = async (taskId: string, from: string, placement: Placement): Promise<void> => {
    const key = keyOf(taskId);
    const count = countOf(placement.stateId) + (from === placement.stateId ? 0 : 1);
    setMoveError(undefined);
    setAnnouncement(placementAnnouncement(key, stateName(placement.stateId), placement.index, count));
    const { afterId, beforeId } = placement;
    const result = await moveTask({
      input: {
        id: taskId,
        stateId: placement.stateId,
        ...(afterId ? { afterId } : {}),
        ...(beforeId ? { beforeId } : {}),
      },
    });
    if (result.error) {
      const message = `Could not move ${key}: ${errorMessage(result.error)} It is back in ${stateName(from)}.`;
      batch(() => {
        setMoveError(message);
        setAnnouncement(message);
      });
    }
  };

  const onCardKeyDown = (event: KeyboardEvent, taskId: string): void => {
    const direction = arrowDirections[event.key];
    if (!event.altKey || !direction || !canWrite() || preview()) return;
    event.preventDefault();
    const placement = keyboardMove(columns(), taskId, direction);
    const from = columns().find((column) => column.taskIds.includes(taskId));
    if (!placement || !from) {
      setAnnouncement(`${keyOf(taskId)} cannot move further ${direction}.`);
      return;
    }
    void move(taskId, from.stateId, placement);
    // Its new neighbours may not be rendered: the column it lands in scrolls to it and focuses it (WEB-6.3).
    columnHandles.get(placement.stateId)?.reveal(taskId);
  };

  /** A card was lifted: the preview starts as the board is shown. */
  const pickUp = (taskId: string): void => {
    const from = columns().find((column) => column.taskIds.includes(taskId));
    batch(() => {
      setHeld(from);
      setHeldTaskId(taskId);
      setPreview(Object.fromEntries(columns().map((column) => [column.stateId, [...column.taskIds]])));
      setAnnouncement(`Picked up ${keyOf(taskId)}.`);
    });
  };

  /** Ends a drag: the preview gives way to the cache, which the optimistic move has already updated. */
  const drop = (taskId: string | undefined): void => {
    const layout = preview();
    const from = held();
    const placement = layout && from && taskId ? settledPlacement(layout, taskId, from) : undefined;
    batch(() => {
      if (taskId && from && placement) void move(taskId, from.stateId, placement);
      setPreview(undefined);
      setHeld(undefined);
      setHeldTaskId(undefined);
    });
  };

  // Drag and drop (WEB-9.4), for a member who may move cards: loaded when the pointer first comes over the board, or
  // on the first press of a card; then attached to the cards already there.
  const dragAndDrop = createDeferredCode(() => import('./board-dnd.tsx'));
  const [dnd, setDnd] = createSignal<BoardDnd>();

  return (
    <div class="board-view">
      <Show when={dragAndDrop.module()}>
        {(code) => {
          const { BoardDragDrop } = code();
          return (
            <BoardDragDrop
              onPickUp={pickUp}
              onOver={(place) => setPreview((layout) => layout && place(layout))}
              onDrop={drop}
              onReady={setDnd}
            />
          );
        }}
      </Show>
      <p class="visually-hidden" aria-live="assertive">
        {announcement()}
      </p>
      <p id={hintId} class="visually-hidden">
        Alt and arrow keys move the task.
      </p>
      <Show when={moveError()}>
        {(message) => (
          <ErrorBanner message={message()} actionLabel="Dismiss" onAction={() => setMoveError(undefined)} />
        )}
      </Show>
      {/* Outside the board's loading and errors, so that what is being typed in it stays. */}
      <TaskFilterBar
        view="board"
        params={listParams()}
        onChange={(changes, options) => setSearch(changes, options)}
        path={`/${params.slug}/projects/${params.key}`}
        choices={choices.data?.project.workspace}
      >
        <button
          type="button"
          class="button button-secondary button-small board-density"
          aria-pressed={density() === 'compact'}
          onClick={toggleDensity}
        >
          Compact
        </button>
      </TaskFilterBar>
      <QueryView
        state={board}
        loadingLabel="Loading the board…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) => (
          <div
            class="board"
            classList={{ 'board-dragging': held() !== undefined, 'board-compact': density() === 'compact' }}
            onPointerOver={() => {
              if (canWrite()) dragAndDrop.prepare();
            }}
            onPointerDown={(event) => {
              // A card pressed before the drag and drop has arrived: it is loaded at once, and lifts the card.
              if (canWrite() && event.target instanceof Element && event.target.closest('a[data-task-id]')) {
                dragAndDrop.press(event);
              }
            }}
          >
            <For each={data().project.states}>
              {(state) => (
                <BoardColumn
                  slug={params.slug}
                  projectId={data().project.id}
                  state={state}
                  tasks={tasksIn(state)}
                  canWrite={canWrite()}
                  receiving={
                    held() !== undefined &&
                    held()?.stateId !== state.id &&
                    tasksIn(state).length > state.tasks.nodes.length
                  }
                  heldTaskId={heldTaskId()}
                  dnd={dnd()}
                  compact={density() === 'compact'}
                  hintId={hintId}
                  loadMore={(after) => loadMore(state.id, after)}
                  onCardKeyDown={onCardKeyDown}
                  onCreated={setAnnouncement}
                  ref={(handle) => columnHandles.set(state.id, handle)}
                />
              )}
            </For>
          </div>
        )}
      </QueryView>
    </div>
  );
}
