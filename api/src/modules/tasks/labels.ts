// Workspace labels.
import type { Label, PrismaClient } from '../../generated/prisma/client.ts';
import { conflict } from '../../shared/errors.ts';
import { isUniqueViolation } from '../../shared/prisma-errors.ts';
import { parseInput } from '../../shared/validation.ts';
import { labelInput } from './inputs.ts';

const NAME_TAKEN = 'This workspace already has a label with this name.';

function nameConflict(error: unknown): unknown {
  return isUniqueViolation(error) ? conflict(NAME_TAKEN, [{ path: ['input', 'name'], message: NAME_TAKEN }]) : error;
}

export function createLabelService({ db }: { db: PrismaClient }) {
  return {
    async workspaceIdOfLabel(labelId: string): Promise<string | undefined> {
      return (await db.label.findUnique({ where: { id: labelId }, select: { workspaceId: true } }))?.workspaceId;
    },

    async create(workspaceId: string, rawInput: unknown): Promise<Label> {
      const input = parseInput(labelInput, rawInput);
      try {
        return await db.label.create({ data: { ...input, workspaceId } });
      } catch (error) {
        throw nameConflict(error);
      }
    },

    async update(labelId: string, rawInput: unknown): Promise<Label> {
      const input = parseInput(labelInput.partial(), rawInput);
      try {
        return await db.label.update({ where: { id: labelId }, data: input });
      } catch (error) {
        throw nameConflict(error);
      }
    },

    async delete(labelId: string): Promise<void> {
      await db.label.delete({ where: { id: labelId } });
    },
  };
}

export type LabelService = ReturnType<typeof createLabelService>;
