// People by id, loaded together once per request: the actors of a page of audit entries cost one query, however many.
import DataLoader from 'dataloader';
import type { Db } from '../../db/database.ts';
import type { Account } from './accounts.ts';

/** A person by id; null when no account has it (any more). Visibility is the caller's to check (`visiblePerson`). */
export type PeopleLoader = DataLoader<string, Account | null>;

export function createPeopleLoader(db: Db): PeopleLoader {
  return new DataLoader<string, Account | null>(async (ids) => {
    const people = await db.user.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(people.map((person) => [person.id, person]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
