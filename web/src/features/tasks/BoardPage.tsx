// `/:slug/projects/:key`: the board. A column per state; cards move by drag and drop (the HTML drag-and-drop
// API) or with Alt + arrow keys, optimistically (lib/client.ts), and a refused move comes back with a message.
import { useParams } from '@solidjs/router';
import { createMutation, createQuery, useClient } from '@urql/solid';
import { readFragment } from 'gql.tada';
import { batch, createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import { type Column, type Direction, dropIndex, keyboardMove, type Placement, placeAt } from './board-placement.ts';
import { QuickCreate } from './QuickCreate.tsx';
import { TaskCard, TaskCardFields } from './TaskCard.tsx';

const ProjectBoardQuery = graphql(
  `
    query ProjectBoard($slug: String!, $key: String!) {
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
          taskCount
          tasks(first: 100) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
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
    query BoardColumnPage($id: ID!, $after: String) {
      node(id: $id) {
        id
        ... on WorkflowState {
          tasks(first: 100, after: $after) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              ...TaskCardFields
            }
          }
        }
      }
    }
  `,
  [TaskCardFields],
);

const MoveTaskMutation = graphql(`
  mutation MoveTask($input: MoveTaskInput!) {
    moveTask(input: $input) {
      id
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

interface Dragged {
  readonly taskId: string;
  readonly stateId: string;
}

export default function BoardPage(): JSX.Element {
  const params = useParams<{ slug: string; key: string }>();
  const [board, refetch] = createQuery({
    query: ProjectBoardQuery,
    variables: () => ({ slug: params.slug, key: params.key }),
  });
  const [, moveTask] = createMutation(MoveTaskMutation);
  const client = useClient();
  const loadMore = (stateId: string, after: string) =>
    client.query(BoardColumnPageQuery, { id: stateId, after }).toPromise();
  const [dragged, setDragged] = createSignal<Dragged>();
  const [dropTarget, setDropTarget] = createSignal<{ stateId: string; index: number }>();
  const [announcement, setAnnouncement] = createSignal('');
  const [moveError, setMoveError] = createSignal<string>();
  const hintId = createUniqueId();

  const states = () => board.data?.project.states ?? [];
  const columns = (): Column[] =>
    states().map((state) => ({ stateId: state.id, taskIds: state.tasks.nodes.map((task) => task.id) }));
  const keyOf = (taskId: string): string => {
    for (const state of states()) {
      const task = state.tasks.nodes.find((node) => node.id === taskId);
      if (task) return readFragment(TaskCardFields, task).key;
    }
    return 'The task';
  };
  const stateName = (stateId: string): string => states().find((state) => state.id === stateId)?.name ?? '';

  const move = async (taskId: string, from: string, placement: Placement): Promise<void> => {
    const key = keyOf(taskId);
    const count = (columns().find((column) => column.stateId === placement.stateId)?.taskIds.length ?? 0) + 1;
    setMoveError(undefined);
    setAnnouncement(
      `Moved ${key} to ${stateName(placement.stateId)}, position ${placement.index + 1} of ${from === placement.stateId ? count - 1 : count}.`,
    );
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

  const focusCard = (taskId: string): void => {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task-id="${taskId}"]`)?.focus());
  };

  const onCardKeyDown = (event: KeyboardEvent, taskId: string, stateId: string): void => {
    const direction = arrowDirections[event.key];
    if (!event.altKey || !direction || !board.data?.project.workspace.viewerCan.writeContent) return;
    event.preventDefault();
    const placement = keyboardMove(columns(), taskId, direction);
    if (!placement) {
      setAnnouncement(`${keyOf(taskId)} cannot move further ${direction}.`);
      return;
    }
    void move(taskId, stateId, placement);
    focusCard(taskId);
  };

  const onDragOver = (event: DragEvent, stateId: string, list: HTMLElement): void => {
    if (!dragged()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const middles = [...list.querySelectorAll<HTMLElement>('.task-card')].map((card) => {
      const box = card.getBoundingClientRect();
      return box.top + box.height / 2;
    });
    const index = dropIndex(middles, event.clientY);
    const current = dropTarget();
    if (current?.stateId !== stateId || current.index !== index) setDropTarget({ stateId, index });
  };

  const onDrop = (event: DragEvent, stateId: string): void => {
    event.preventDefault();
    const source = dragged();
    const target = dropTarget();
    batch(() => {
      setDragged(undefined);
      setDropTarget(undefined);
    });
    const column = columns().find((candidate) => candidate.stateId === stateId);
    const from = columns().find((candidate) => candidate.stateId === source?.stateId);
    if (!source || !column || target?.stateId !== stateId) return;
    const placement = placeAt(column, source.taskId, target.index, from);
    if (placement) void move(source.taskId, source.stateId, placement);
  };

  return (
    <QueryView
      state={board}
      loadingLabel="Loading the board…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(data) => (
        <>
          <p class="visually-hidden" aria-live="assertive">
            {announcement()}
          </p>
          <p id={hintId} class="visually-hidden">
            Alt and arrow keys move the task.
          </p>
          <Show when={moveError()}>
            <div class="banner banner-error query-error" role="alert">
              <span>{moveError()}</span>
              <button type="button" class="button button-small" onClick={() => setMoveError(undefined)}>
                Dismiss
              </button>
            </div>
          </Show>
          <div class="board">
            <For each={data().project.states}>
              {(state) => {
                const headingId = createUniqueId();
                const nodes = () => state.tasks.nodes;
                const isTarget = () => dropTarget()?.stateId === state.id;
                return (
                  <section
                    class="board-column"
                    classList={{ 'board-column-target': isTarget() }}
                    aria-labelledby={headingId}
                  >
                    <h2 class="board-column-header" id={headingId}>
                      <span class="color-dot" style={{ background: state.color }} aria-hidden="true" />
                      <span class="board-column-name">{state.name}</span>
                      <span class="count">
                        {state.taskCount}
                        <span class="visually-hidden"> tasks</span>
                      </span>
                    </h2>
                    <ul
                      class="board-cards"
                      classList={{ 'drop-at-end': isTarget() && dropTarget()?.index === nodes().length }}
                      onDragOver={(event) => onDragOver(event, state.id, event.currentTarget)}
                      onDragLeave={(event) => {
                        const next = event.relatedTarget;
                        if (!(next instanceof Node && event.currentTarget.contains(next)) && isTarget()) {
                          setDropTarget(undefined);
                        }
                      }}
                      onDrop={(event) => onDrop(event, state.id)}
                    >
                      <For
                        each={nodes()}
                        fallback={
                          <li class="board-empty">
                            {data().project.workspace.viewerCan.writeContent ? 'No tasks — drop one here' : 'No tasks'}
                          </li>
                        }
                      >
                        {(task, index) => (
                          <TaskCard
                            task={task}
                            href={`/${params.slug}/${readFragment(TaskCardFields, task).key}`}
                            draggable={data().project.workspace.viewerCan.writeContent}
                            done={state.category === 'COMPLETED' || state.category === 'CANCELED'}
                            dropBefore={isTarget() && dropTarget()?.index === index()}
                            dragging={dragged()?.taskId === task.id}
                            describedBy={data().project.workspace.viewerCan.writeContent ? hintId : undefined}
                            onDragStart={(event) => {
                              event.dataTransfer?.setData('text/plain', readFragment(TaskCardFields, task).key);
                              if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
                              setDragged({ taskId: task.id, stateId: state.id });
                            }}
                            onDragEnd={() =>
                              batch(() => {
                                setDragged(undefined);
                                setDropTarget(undefined);
                              })
                            }
                            onKeyDown={(event) => onCardKeyDown(event, task.id, state.id)}
                          />
                        )}
                      </For>
                    </ul>
                    <ShowMore pageInfo={state.tasks.pageInfo} load={(after) => loadMore(state.id, after)} />
                    <Show when={data().project.workspace.viewerCan.writeContent}>
                      <QuickCreate
                        projectId={data().project.id}
                        stateId={state.id}
                        stateName={state.name}
                        onCreated={setAnnouncement}
                      />
                    </Show>
                  </section>
                );
              }}
            </For>
          </div>
        </>
      )}
    </QueryView>
  );
}
