// Workspace labels.

import type { Db } from '../../db/database.ts';
import type { Label } from '../../generated/prisma/client.ts';
import { conflict } from '../../shared/errors.ts';
import { uniqueViolationAsConflict } from '../../shared/prisma-errors.ts';
import { parseInput } from '../../shared/validation.ts';
import type { EventLog } from '../events/event-log.ts';
import { labelInput } from './inputs.ts';

const NAME_TAKEN = 'This workspace already has a label with this name.';

const nameTaken = () => conflict(NAME_TAKEN, [{ path: ['input', 'name'], message: NAME_TAKEN }]);

const nameConflict = (error: unknown) => uniqueViolationAsConflict(error, 'name', NAME_TAKEN);

export function createLabelService({ db, events }: { db: Db; events: EventLog }) {
  /** Names are one regardless of case; the unique index catches exact duplicates written concurrently. */
  async function assertNameFree(workspaceId: string, name: string, labelId?: string): Promise<void> {
    const other = await db.label.findFirst({
      where: { workspaceId, name: { equals: name, mode: 'insensitive' }, ...(labelId ? { id: { not: labelId } } : {}) },
      select: { id: true },
    });
    if (other) throw nameTaken();
  }

  return {
    async workspaceIdOfLabel(labelId: string): Promise<string | undefined> {
      return (await db.label.findUnique({ where: { id: labelId }, select: { workspaceId: true } }))?.workspaceId;
    },

    async create(actorId: string, workspaceId: string, rawInput: unknown): Promise<Label> {
      const input = parseInput(labelInput, rawInput);
      await assertNameFree(workspaceId, input.name);
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          const label = await tx.label.create({ data: { ...input, workspaceId } });
          record({ kind: 'LABEL_CREATED', entityId: label.id, version: label.version, payload: {} });
          return label;
        });
      } catch (error) {
        throw nameConflict(error);
      }
    },

    async update(actorId: string, workspaceId: string, labelId: string, rawInput: unknown): Promise<Label> {
      const input = parseInput(labelInput.partial(), rawInput);
      if (input.name !== undefined) await assertNameFree(workspaceId, input.name, labelId);
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          const label = await tx.label.update({
            where: { id: labelId, workspaceId },
            data: { ...input, version: { increment: 1 } },
          });
          record({ kind: 'LABEL_UPDATED', entityId: label.id, version: label.version, payload: {} });
          return label;
        });
      } catch (error) {
        throw nameConflict(error);
      }
    },

    async delete(actorId: string, workspaceId: string, labelId: string): Promise<void> {
      await events.write(workspaceId, actorId, async (tx, record) => {
        const label = await tx.label.delete({ where: { id: labelId, workspaceId } });
        record({ kind: 'LABEL_DELETED', entityId: label.id, version: label.version + 1, payload: {} });
      });
    },
  };
}

export type LabelService = ReturnType<typeof createLabelService>;
