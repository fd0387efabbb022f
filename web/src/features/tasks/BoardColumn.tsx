// One column of the board: its heading and count, its cards (sortable within and across columns through
// @dnd-kit), "Show more" for the next page, and quick create. The cards and "Show more" scroll on their own between
// the heading and quick create, which stay in view. The page (BoardPage.tsx) owns the moves.
import { CollisionPriority } from '@dnd-kit/abstract';
import { Feedback } from '@dnd-kit/dom';
import { useDroppable } from '@dnd-kit/solid';
import { useSortable } from '@dnd-kit/solid/sortable';
import type { CombinedError } from '@urql/core';
import { type FragmentOf, readFragment } from 'gql.tada';
import { createUniqueId, For, type JSX, Show } from 'solid-js';
import { ShowMore } from '../../components/ShowMore.tsx';
import { QuickCreate } from './QuickCreate.tsx';
import { TaskCard, TaskCardFields } from './TaskCard.tsx';

/** What a card is to the drag and drop manager: a task accepts tasks dropped next to it, a column accepts tasks. */
const taskType = 'task';

export interface BoardColumnState {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly color: string;
  readonly taskCount: number;
  readonly tasks: {
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

type BoardTask = FragmentOf<typeof TaskCardFields> & { readonly id: string };

interface BoardColumnProps {
  readonly slug: string;
  readonly projectId: string;
  readonly state: BoardColumnState;
  /** The cards as shown: the server's order, or where a drag in progress has put them. */
  readonly tasks: readonly BoardTask[];
  readonly canWrite: boolean;
  /** A card of another column is being held over this one. */
  readonly receiving: boolean;
  readonly hintId: string;
  readonly loadMore: (after: string) => Promise<{ readonly error?: CombinedError | undefined }>;
  readonly onCardKeyDown: (event: KeyboardEvent, taskId: string) => void;
  readonly onCreated: (message: string) => void;
}

export function BoardColumn(props: BoardColumnProps): JSX.Element {
  const headingId = createUniqueId();
  const droppable = useDroppable({
    get id() {
      return props.state.id;
    },
    accept: taskType,
    collisionPriority: CollisionPriority.Low,
    get disabled() {
      return !props.canWrite;
    },
  });
  const done = () => props.state.category === 'COMPLETED' || props.state.category === 'CANCELED';
  return (
    <section
      ref={droppable.ref}
      class="board-column"
      classList={{ 'board-column-target': props.receiving }}
      aria-labelledby={headingId}
    >
      <h2 class="board-column-header" id={headingId}>
        <span class="color-dot" style={{ background: props.state.color }} aria-hidden="true" />
        <span class="board-column-name">{props.state.name}</span>
        <span class="count">
          {props.state.taskCount}
          <span class="visually-hidden">{props.state.taskCount === 1 ? ' task' : ' tasks'}</span>
        </span>
      </h2>
      <div class="board-column-body">
        <ul class="board-cards">
          <For
            each={props.tasks}
            fallback={<li class="board-empty">{props.canWrite ? 'No tasks — drop one here' : 'No tasks'}</li>}
          >
            {(task, index) => (
              <BoardCard
                task={task}
                index={index()}
                stateId={props.state.id}
                href={`/${props.slug}/${readFragment(TaskCardFields, task).key}`}
                done={done()}
                canMove={props.canWrite}
                hintId={props.hintId}
                onKeyDown={(event) => props.onCardKeyDown(event, task.id)}
              />
            )}
          </For>
        </ul>
        <ShowMore pageInfo={props.state.tasks.pageInfo} load={props.loadMore} />
      </div>
      <Show when={props.canWrite}>
        <QuickCreate
          projectId={props.projectId}
          stateId={props.state.id}
          stateName={props.state.name}
          onCreated={props.onCreated}
        />
      </Show>
    </section>
  );
}

interface BoardCardProps {
  readonly task: BoardTask;
  readonly index: number;
  readonly stateId: string;
  readonly href: string;
  readonly done: boolean;
  readonly canMove: boolean;
  readonly hintId: string;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

/** A task card that can be picked up by its link: after 5 px with a mouse or pen, after a long press by touch. */
function BoardCard(props: BoardCardProps): JSX.Element {
  const sortable = useSortable({
    get id() {
      return props.task.id;
    },
    get index() {
      return props.index;
    },
    get group() {
      return props.stateId;
    },
    type: taskType,
    accept: taskType,
    // A copy follows the pointer; the card itself shows where it would land.
    plugins: (defaults) => [...defaults, Feedback.configure({ feedback: 'clone' })],
    get disabled() {
      return !props.canMove;
    },
  });
  return (
    <TaskCard
      task={props.task}
      href={props.href}
      done={props.done}
      describedBy={props.canMove ? props.hintId : undefined}
      itemRef={sortable.ref}
      linkRef={sortable.handleRef}
      onKeyDown={props.onKeyDown}
    />
  );
}
