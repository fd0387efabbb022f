// zod schemas for projects and workflow states.
import { z } from 'zod';
import { StateCategory } from '../../generated/prisma/enums.ts';

export { StateCategory };

export const projectNameSchema = z.string().trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.');

export const projectKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, 'Use 2 to 6 letters, like YEL.');

export const descriptionSchema = z.string().max(50_000, 'Use at most 50 000 characters.');

export const colorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3B82F6.')
  .transform((color) => color.toUpperCase());

export const stateNameSchema = z.string().trim().min(1, 'Enter a name.').max(40, 'Use at most 40 characters.');

export const createProjectInput = z.object({
  name: projectNameSchema,
  key: projectKeySchema,
  description: descriptionSchema.default(''),
});

export const updateProjectInput = z.object({
  name: projectNameSchema.optional(),
  key: projectKeySchema.optional(),
  description: descriptionSchema.optional(),
});

export const stateInput = z.object({
  name: stateNameSchema,
  category: z.enum(StateCategory),
  color: colorSchema,
});

export const updateStateInput = stateInput.partial();

/** The states every new project starts with, in board order. */
export const defaultStates = [
  { name: 'Backlog', category: StateCategory.BACKLOG, color: '#A1A1AA' },
  { name: 'Todo', category: StateCategory.UNSTARTED, color: '#71717A' },
  { name: 'In Progress', category: StateCategory.STARTED, color: '#F5B800' },
  { name: 'Done', category: StateCategory.COMPLETED, color: '#22C55E' },
  { name: 'Canceled', category: StateCategory.CANCELED, color: '#EF4444' },
] as const;
