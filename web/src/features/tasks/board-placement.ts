// Where a task lands on the board: the neighbours `moveTask` needs, from a finished drag or a keyboard move.

export interface Column {
  readonly stateId: string;
  readonly taskIds: readonly string[];
}

export interface Placement {
  readonly stateId: string;
  readonly afterId?: string;
  readonly beforeId?: string;
  /** The task's index in its column once moved. */
  readonly index: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Task ids per state id, as the board shows them (during a drag, where the held card would land). */
export type Layout = Record<string, string[]>;

/**
 * Places `taskId` at `index` of `column`, where `index` counts the column's cards as they are shown (the moving
 * card included, when it is in that column). Returns undefined when the task would stay where it is.
 */
export function placeAt(column: Column, taskId: string, index: number, from?: Column): Placement | undefined {
  const current = column.taskIds.indexOf(taskId);
  const rest = column.taskIds.filter((id) => id !== taskId);
  const at = Math.min(Math.max(current >= 0 && current < index ? index - 1 : index, 0), rest.length);
  if (current === at && (!from || from.stateId === column.stateId)) return undefined;
  const afterId = rest[at - 1];
  const beforeId = rest[at];
  return {
    stateId: column.stateId,
    index: at,
    ...(afterId ? { afterId } : {}),
    ...(beforeId ? { beforeId } : {}),
  };
}

/** The move one step up or down in a column, or into the neighbouring column at the same height. */
export function keyboardMove(columns: readonly Column[], taskId: string, direction: Direction): Placement | undefined {
  const columnIndex = columns.findIndex((column) => column.taskIds.includes(taskId));
  const column = columns[columnIndex];
  if (!column) return undefined;
  const index = column.taskIds.indexOf(taskId);
  if (direction === 'up' || direction === 'down') {
    const target = direction === 'up' ? index - 1 : index + 2;
    if (target < 0 || target > column.taskIds.length) return undefined;
    return placeAt(column, taskId, target);
  }
  const next = columns[columnIndex + (direction === 'left' ? -1 : 1)];
  return next ? placeAt(next, taskId, Math.min(index, next.taskIds.length), column) : undefined;
}

/**
 * Where a dragged card settled: its column and neighbours in `layout` (the board as previewed during the drag),
 * compared with the column it was picked up from. Returns undefined when it is back where it started.
 */
export function settledPlacement(
  layout: Readonly<Record<string, readonly string[]>>,
  taskId: string,
  origin: Column,
): Placement | undefined {
  for (const [stateId, taskIds] of Object.entries(layout)) {
    const index = taskIds.indexOf(taskId);
    if (index === -1) continue;
    if (stateId === origin.stateId && index === origin.taskIds.indexOf(taskId)) return undefined;
    const afterId = taskIds[index - 1];
    const beforeId = taskIds[index + 1];
    return { stateId, index, ...(afterId ? { afterId } : {}), ...(beforeId ? { beforeId } : {}) };
  }
  return undefined;
}

/**
 * What the live region says once a task has moved (WEB-6.3): its key, the column, its position there and the
 * column's count (every task of the column, loaded or not, as its heading counts them).
 */
export function placementAnnouncement(key: string, column: string, index: number, count: number): string {
  return `Moved ${key} to ${column}, position ${index + 1} of ${count}.`;
}
