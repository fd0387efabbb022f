// The board's drag and drop (@dnd-kit: mouse, pen and touch), in a chunk of its own: BoardPage.tsx imports it when
// the pointer first comes over the board, or when a card is pressed before then (board-dnd-loader.ts, WEB-9.4). The rest of the board
// imports only its types, so that nothing of dnd-kit comes with the board's own chunk.
//
// It renders nothing and wraps nothing: the columns and cards are on the page already, and must keep their elements
// (focus, measured heights, scroll positions). `BoardDragDrop` is dnd-kit's provider beside the board, and hands the
// page a `BoardDnd` through which each column and card attaches dnd-kit's own hooks to the elements it rendered, in a
// root that reaches the provider's context and lives as long as the column or card that asked.
import { CollisionPriority } from '@dnd-kit/abstract';
import { Accessibility, Feedback, PointerActivationConstraints, PointerSensor, StyleInjector } from '@dnd-kit/dom';
import { move } from '@dnd-kit/helpers';
import { DragDropProvider, useDroppable } from '@dnd-kit/solid';
import { useSortable } from '@dnd-kit/solid/sortable';
import { createRoot, getOwner, type JSX, onCleanup } from 'solid-js';
import { cspNonce } from '../../lib/csp-nonce.ts';
import type { Layout } from './board-placement.ts';

/** What a card is to the drag and drop manager: a task accepts tasks dropped next to it, a column accepts tasks. */
const taskType = 'task';

/**
 * Pointer input of every kind. A finger must rest 250 ms on a card before it lifts (moving sooner scrolls the
 * board); a mouse or pen lifts it after 5 px, so a click still opens the task.
 */
const sensors = [
  PointerSensor.configure({
    activationConstraints: (event) =>
      event.pointerType === 'touch'
        ? [new PointerActivationConstraints.Delay({ value: 250, tolerance: 5 })]
        : [new PointerActivationConstraints.Distance({ value: 5 })],
  }),
];

/**
 * The default plugins without Accessibility, which would give the cards (links) the role "button" and keyboard
 * instructions for a sensor we do not use; the board's own live region announces moves. The style element dnd-kit
 * adds while dragging carries the page's nonce, which the Content-Security-Policy requires of inline styles.
 */
const plugins = <T,>(defaults: T[]) => [
  ...defaults.filter((plugin) => plugin !== Accessibility),
  StyleInjector.configure({ nonce: cspNonce() }),
];

/** A column as a place to drop cards. Read reactively: pass getters for what changes. */
export interface DropZone {
  readonly stateId: string;
  /** The column's element (its `<section>`). */
  readonly element: Element;
  readonly disabled: boolean;
}

/** A rendered card as something to pick up by its link and drop among the others. Read reactively, as above. */
export interface DraggableCard {
  readonly taskId: string;
  /** Its index in its column, rendered or not. */
  readonly index: number;
  readonly stateId: string;
  /** The list item, which a drag measures and moves. */
  readonly element: Element;
  /** The link, where a drag starts. */
  readonly handle: Element;
  readonly disabled: boolean;
}

/** What the board's columns and cards do with dnd-kit once it is loaded. */
export interface BoardDnd {
  /** Makes a column's element a place to drop cards, for as long as the calling scope lives. */
  readonly dropZone: (column: DropZone) => void;
  /** Makes a rendered card draggable and a place to drop others next to, for as long as the calling scope lives. */
  readonly draggable: (card: DraggableCard) => void;
}

export interface BoardDragDropProps {
  /** A card was lifted. */
  readonly onPickUp: (taskId: string) => void;
  /** The held card is over another place: `place` moves it there in the board's layout. */
  readonly onOver: (place: (layout: Layout) => Layout) => void;
  /** The held card was let go: its task, or undefined when the drag was canceled. */
  readonly onDrop: (taskId: string | undefined) => void;
  /** Receives what the columns and cards attach themselves with, once the provider is in place. */
  readonly onReady: (dnd: BoardDnd) => void;
}

/** dnd-kit's provider, around no element of the board: the columns and cards attach to it (`onReady`). */
export function BoardDragDrop(props: BoardDragDropProps): JSX.Element {
  return (
    <DragDropProvider
      sensors={sensors}
      plugins={plugins}
      onDragStart={(event) => props.onPickUp(String(event.operation.source?.id))}
      onDragOver={(event) => {
        // The board's preview moves the card; the library's own sorting would move DOM nodes behind Solid's back.
        event.preventDefault();
        props.onOver((layout) => move(layout, event));
      }}
      onDragEnd={(event) => {
        const source = event.operation.source;
        props.onDrop(event.canceled || !source ? undefined : String(source.id));
      }}
    >
      <Attachments onReady={props.onReady} />
    </DragDropProvider>
  );
}

/** Inside the provider: hands out `BoardDnd`, whose hooks run in roots that reach the provider's context. */
function Attachments(props: { readonly onReady: (dnd: BoardDnd) => void }): JSX.Element {
  const provider = getOwner();
  /** Runs `attach` under the provider, disposed with the caller's scope (the column or card that asked). */
  const attached = (attach: () => void): void => {
    const dispose = createRoot((dispose) => {
      attach();
      return dispose;
    }, provider);
    onCleanup(dispose);
  };
  props.onReady({
    dropZone: (column) =>
      attached(() => {
        useDroppable({
          get id() {
            return column.stateId;
          },
          element: column.element,
          accept: taskType,
          collisionPriority: CollisionPriority.Low,
          get disabled() {
            return column.disabled;
          },
        });
      }),
    draggable: (card) =>
      attached(() => {
        useSortable({
          get id() {
            return card.taskId;
          },
          get index() {
            return card.index;
          },
          get group() {
            return card.stateId;
          },
          element: card.element,
          handle: card.handle,
          type: taskType,
          accept: taskType,
          // A copy follows the pointer; the card itself shows where it would land.
          plugins: (defaults) => [...defaults, Feedback.configure({ feedback: 'clone' })],
          get disabled() {
            return card.disabled;
          },
        });
      }),
  });
  return null;
}
