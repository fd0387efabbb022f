// One column of the board: its heading and count, its cards (sortable within and across columns through
// @dnd-kit, attached to them once it has loaded: board-dnd.tsx, WEB-9.4), and quick create. The cards scroll on their
// own between the heading and quick create, which stay in view, and only those in and near view are rendered
// (@tanstack/solid-virtual, WEB-6.1): each card is placed at its offset in a list as tall as all of them, measured as
// it renders. Scrolling near the end of the loaded cards loads
// the column's next page (WEB-6.2). The page (BoardPage.tsx) owns the moves; a keyboard move asks the column to
// bring the card into view and focus it (`ColumnHandle.reveal`), wherever the column was scrolled (WEB-6.3).
import { createVirtualizer, defaultRangeExtractor, type Range } from '@tanstack/solid-virtual';
import type { CombinedError } from '@urql/core';
import { type FragmentOf, readFragment } from 'gql.tada';
import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  type JSX,
  on,
  onCleanup,
  onMount,
  Show,
  untrack,
} from 'solid-js';
import { InlineError } from '../../components/InlineError.tsx';
import { errorMessage } from '../../lib/errors.ts';
import type { BoardDnd } from './board-dnd.tsx';
import { estimatedCardHeight, renderedIndexes, wantsNextPage } from './board-window.ts';
import { QuickCreate } from './QuickCreate.tsx';
import { TaskCard, TaskCardFields } from './TaskCard.tsx';

/** Cards rendered beyond each edge of the column's view. */
const overscan = 3;

/** How many frames a keyboard move waits for the moved card to reach its column before giving up on focusing it. */
const revealFrames = 60;

export interface BoardColumnState {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly color: string;
  readonly tasks: {
    /** The column's tasks (those matching the board's filters), loaded or not. */
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

type BoardTask = FragmentOf<typeof TaskCardFields> & { readonly id: string };

/** What the page asks of a column. */
export interface ColumnHandle {
  /** Scrolls the column to the task (once the column holds it) and focuses its card. */
  reveal(taskId: string): void;
}

interface BoardColumnProps {
  readonly slug: string;
  readonly projectId: string;
  readonly state: BoardColumnState;
  /** The cards as shown: the server's order, or where a drag in progress has put them. */
  readonly tasks: readonly BoardTask[];
  readonly canWrite: boolean;
  /** A card of another column is being held over this one. */
  readonly receiving: boolean;
  /** The task being dragged, if any: its card stays rendered wherever the column is scrolled. */
  readonly heldTaskId: string | undefined;
  /** The board's drag and drop, once it has loaded: the column and its cards attach to it. */
  readonly dnd: BoardDnd | undefined;
  readonly compact: boolean;
  readonly hintId: string;
  readonly loadMore: (after: string) => Promise<{ readonly error?: CombinedError | undefined }>;
  readonly onCardKeyDown: (event: KeyboardEvent, taskId: string) => void;
  readonly onCreated: (message: string) => void;
  readonly ref: (handle: ColumnHandle) => void;
}

export function BoardColumn(props: BoardColumnProps): JSX.Element {
  const headingId = createUniqueId();
  let section: HTMLElement | undefined;
  // A place to drop cards, once the drag and drop has loaded.
  createEffect(() => {
    const dnd = props.dnd;
    if (!dnd || !section) return;
    dnd.dropZone({
      get stateId() {
        return props.state.id;
      },
      element: section,
      get disabled() {
        return !props.canWrite;
      },
    });
  });
  const done = () => props.state.category === 'COMPLETED' || props.state.category === 'CANCELED';

  let body: HTMLDivElement | undefined;
  const [focusedId, setFocusedId] = createSignal<string>();
  const [revealId, setRevealId] = createSignal<string>();
  const indexOf = (taskId: string | undefined): number =>
    taskId === undefined ? -1 : props.tasks.findIndex((task) => task.id === taskId);
  const pinned = createMemo(() => [props.heldTaskId, focusedId(), revealId()].map(indexOf));

  const virtualizer = createVirtualizer<HTMLDivElement, HTMLLIElement>({
    get count() {
      return props.tasks.length;
    },
    getScrollElement: () => body ?? null,
    get estimateSize() {
      const height = estimatedCardHeight[props.compact ? 'compact' : 'comfortable'];
      return () => height;
    },
    // Measurements follow the task, not its place: a moved card keeps its height.
    get getItemKey() {
      const tasks = props.tasks;
      return (index: number) => tasks[index]?.id ?? index;
    },
    get rangeExtractor() {
      const extra = pinned();
      return (range: Range) => renderedIndexes(defaultRangeExtractor(range), extra, range.count);
    },
    overscan,
  });
  // Another density changes every card's height: measure them afresh.
  createEffect(
    on(
      () => props.compact,
      () => virtualizer.measure(),
      { defer: true },
    ),
  );

  const items = () => virtualizer.getVirtualItems();
  /** The tasks rendered, each once, with its place in the column. */
  const rendered = createMemo(() =>
    items().flatMap((item) => {
      const task = props.tasks[item.index];
      return task ? [task] : [];
    }),
  );
  const placeOf = createMemo(() => new Map(items().map((item) => [props.tasks[item.index]?.id, item])));

  // The next page, when the last card in view nears the end of those loaded (WEB-6.2).
  const [loading, setLoading] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string>();
  let requested: string | undefined;
  const loadNext = async (cursor: string): Promise<void> => {
    requested = cursor;
    setLoading(true);
    setLoadError(undefined);
    const result = await props.loadMore(cursor);
    setLoading(false);
    if (result.error) setLoadError(`Could not load more tasks: ${errorMessage(result.error)}`);
  };
  createEffect(() => {
    const pins = new Set(pinned());
    const inView = items().filter((item) => !pins.has(item.index));
    const { hasNextPage, endCursor } = props.state.tasks.pageInfo;
    const wanted = wantsNextPage({
      lastInView: inView.at(-1)?.index ?? -1,
      loaded: props.tasks.length,
      hasNextPage,
      cursor: endCursor,
      requested,
    });
    if (wanted && endCursor && !untrack(loading)) void loadNext(endCursor);
  });

  // A keyboard move: once the column holds the task, scroll to it and focus its card when it is rendered.
  let revealFrame: number | undefined;
  onCleanup(() => {
    if (revealFrame !== undefined) cancelAnimationFrame(revealFrame);
  });
  createEffect(() => {
    const taskId = revealId();
    const index = indexOf(taskId);
    if (taskId === undefined || index === -1) return;
    untrack(() => {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      let frames = 0;
      const focusWhenRendered = (): void => {
        revealFrame = undefined;
        const card = body?.querySelector<HTMLElement>(`a[data-task-id="${CSS.escape(taskId)}"]`);
        if (card) {
          card.focus({ preventScroll: true });
          setRevealId(undefined);
        } else if (++frames < revealFrames) {
          revealFrame = requestAnimationFrame(focusWhenRendered);
        } else {
          setRevealId(undefined);
        }
      };
      if (revealFrame !== undefined) cancelAnimationFrame(revealFrame);
      revealFrame = requestAnimationFrame(focusWhenRendered);
    });
  });
  props.ref({ reveal: (taskId) => setRevealId(taskId) });

  const taskIdOf = (target: EventTarget | null): string | undefined =>
    target instanceof HTMLElement
      ? (target.closest<HTMLElement>('[data-task-id]')?.dataset.taskId ?? undefined)
      : undefined;

  return (
    <section
      ref={section}
      class="board-column"
      classList={{ 'board-column-target': props.receiving }}
      aria-labelledby={headingId}
    >
      <h2 class="board-column-header" id={headingId}>
        <span class="color-dot" style={{ background: props.state.color }} aria-hidden="true" />
        <span class="board-column-name">{props.state.name}</span>
        <span class="count">
          {props.state.tasks.totalCount}
          <span class="visually-hidden">{props.state.tasks.totalCount === 1 ? ' task' : ' tasks'}</span>
        </span>
      </h2>
      <div class="board-column-body" ref={body}>
        <ul
          class="board-cards"
          style={{ height: props.tasks.length > 0 ? `${virtualizer.getTotalSize()}px` : undefined }}
          onFocusIn={(event) => setFocusedId(taskIdOf(event.target))}
          onFocusOut={(event) => {
            const next = event.relatedTarget;
            if (!(next instanceof Node && event.currentTarget.contains(next))) setFocusedId(undefined);
          }}
        >
          <Show when={props.tasks.length === 0}>
            <li class="board-empty">{props.canWrite ? 'No tasks — drop one here' : 'No tasks'}</li>
          </Show>
          <For each={rendered()}>
            {(task) => (
              <BoardCard
                task={task}
                index={placeOf().get(task.id)?.index ?? 0}
                top={placeOf().get(task.id)?.start ?? 0}
                stateId={props.state.id}
                href={`/${props.slug}/${readFragment(TaskCardFields, task).key}`}
                done={done()}
                canMove={props.canWrite}
                dnd={props.dnd}
                hintId={props.hintId}
                measure={(element) => virtualizer.measureElement(element)}
                onKeyDown={(event) => props.onCardKeyDown(event, task.id)}
              />
            )}
          </For>
        </ul>
        <Show when={props.state.tasks.pageInfo.hasNextPage && (loading() || loadError())}>
          <div class="board-more">
            <Show
              when={loadError()}
              fallback={
                <p class="muted" role="status">
                  Loading more tasks…
                </p>
              }
            >
              {(message) => (
                <>
                  <InlineError message={message()} />
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    onClick={() => {
                      const cursor = props.state.tasks.pageInfo.endCursor;
                      if (cursor) void loadNext(cursor);
                    }}
                  >
                    Retry
                  </button>
                </>
              )}
            </Show>
          </div>
        </Show>
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
  /** Its index in the column, rendered or not. */
  readonly index: number;
  /** Its offset from the top of the column's list, in px. */
  readonly top: number;
  readonly stateId: string;
  readonly href: string;
  readonly done: boolean;
  readonly canMove: boolean;
  readonly dnd: BoardDnd | undefined;
  readonly hintId: string;
  /** Hands the list item to the virtualiser, which measures it as it renders and resizes. */
  readonly measure: (element: HTMLLIElement) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * A task card that can be picked up by its link (after 5 px with a mouse or pen, after a long press by touch) once
 * the drag and drop has loaded: its elements are the same before and after.
 */
function BoardCard(props: BoardCardProps): JSX.Element {
  let item: HTMLLIElement | undefined;
  let link: HTMLAnchorElement | undefined;
  // Measured once its index is on it (the virtualiser reads `data-index`), then whenever it resizes.
  onMount(() => {
    if (item) props.measure(item);
  });
  createEffect(() => {
    const dnd = props.dnd;
    if (!dnd || !item || !link) return;
    dnd.draggable({
      get taskId() {
        return props.task.id;
      },
      get index() {
        return props.index;
      },
      get stateId() {
        return props.stateId;
      },
      element: item,
      handle: link,
      get disabled() {
        return !props.canMove;
      },
    });
  });
  return (
    <TaskCard
      task={props.task}
      href={props.href}
      done={props.done}
      describedBy={props.canMove ? props.hintId : undefined}
      index={props.index}
      top={props.top}
      itemRef={(element) => {
        item = element;
      }}
      linkRef={(element) => {
        link = element;
      }}
      onKeyDown={props.onKeyDown}
    />
  );
}
