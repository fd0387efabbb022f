// The pure parts of the project settings page: which details changed, and where a state moves.
import { type StateCategory, stateCategories } from '../tasks/list-params.ts';

export interface ProjectDetails {
  readonly name: string;
  readonly key: string;
  readonly description: string;
  /** null when the project has no lead. */
  readonly leadId: string | null;
}

export interface ProjectChanges {
  name?: string;
  key?: string;
  description?: string;
  leadId?: string | null;
}

/** The lead select's value for "No lead". */
export const noLead = '';

/** The fields of `next` that differ from `saved`, for `updateProject` (which changes only the fields given). */
export function projectChanges(saved: ProjectDetails, next: ProjectDetails): ProjectChanges {
  const changes: ProjectChanges = {};
  if (next.name !== saved.name) changes.name = next.name;
  if (next.key !== saved.key) changes.key = next.key;
  if (next.description !== saved.description) changes.description = next.description;
  if (next.leadId !== saved.leadId) changes.leadId = next.leadId;
  return changes;
}

/** The select's value as a lead id: null for "No lead". */
export const leadIdOf = (value: string): string | null => (value === noLead ? null : value);

/** Where `moveWorkflowState` puts a state one step up or down the board; undefined at either end. */
export function stateMove(
  states: readonly { readonly id: string }[],
  id: string,
  direction: 'up' | 'down',
): { readonly beforeId: string } | { readonly afterId: string } | undefined {
  const index = states.findIndex((state) => state.id === id);
  if (index < 0) return undefined;
  if (direction === 'up') {
    const previous = states[index - 1];
    return previous ? { beforeId: previous.id } : undefined;
  }
  const next = states[index + 1];
  return next ? { afterId: next.id } : undefined;
}

/** A category from a select's value, or undefined when it names none. */
export const parseCategory = (value: string): StateCategory | undefined =>
  stateCategories.find((category) => category === value);
