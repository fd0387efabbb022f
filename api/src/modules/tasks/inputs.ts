// zod schemas for tasks, labels and comments.
import { z } from 'zod';
import { TaskPriority } from '../../generated/prisma/enums.ts';
import { colorSchema, descriptionSchema } from '../projects/inputs.ts';

export { TaskPriority };

export const titleSchema = z.string().trim().min(1, 'Enter a title.').max(200, 'Use at most 200 characters.');

export const taskFieldsInput = z.object({
  title: titleSchema,
  description: descriptionSchema,
  priority: z.enum(TaskPriority),
  dueDate: z.date().nullable(),
});

export const labelInput = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(40, 'Use at most 40 characters.'),
  color: colorSchema,
});

export const commentBodySchema = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(20_000, 'Use at most 20 000 characters.');

/** "yel-42" → { projectKey: "YEL", number: 42 }; undefined when it is not a task key. */
export function parseTaskKey(key: string): { projectKey: string; number: number } | undefined {
  const match = /^([A-Za-z]{2,6})-(\d{1,9})$/.exec(key.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { projectKey: match[1].toUpperCase(), number: Number(match[2]) };
}
