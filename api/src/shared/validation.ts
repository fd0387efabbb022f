import type { z } from 'zod';
import { badUserInput } from './errors.ts';

/**
 * Validates a GraphQL argument with a zod schema at the edge. Failures become one BAD_USER_INPUT
 * error listing every field, with paths as the client wrote them (e.g. ["input", "email"]).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, path: string[] = ['input']): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badUserInput(
    result.error.issues.map((issue) => ({
      path: [...path, ...issue.path.filter((key) => typeof key !== 'symbol')],
      message: issue.message,
    })),
  );
}
