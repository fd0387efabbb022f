// RT-7.4: a field the user is editing (a task's title or description) changed under them, by a teammate or in
// another tab. What they typed is kept; they are told, and saving replaces the other change.

/** Where an edit started: the task's version and the field's value when the user began. */
export interface EditBase {
  readonly version: number;
  readonly value: string;
}

/**
 * Whether the field changed under the user: the task is at a newer version whose value is neither what they started
 * from nor what they typed (their own save, or someone typing the same text, is no conflict).
 */
export function changedUnderEdit(
  base: EditBase,
  now: { readonly version: number; readonly value: string },
  draft?: string,
): boolean {
  return now.version > base.version && now.value !== base.value && now.value !== draft;
}

/** The sentence telling the user, e.g. "Grace Hopper changed the title while you were editing." */
export function changedUnderEditMessage(who: string | undefined, field: 'title' | 'description'): string {
  return `${who ?? 'Someone'} changed the ${field} while you were editing.`;
}
