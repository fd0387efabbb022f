import type { z } from 'zod';
import { badUserInput, type FieldError } from './errors.ts';

/** A validation issue as zod and every Standard Schema library report it. */
interface Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** Field errors for validation issues, their paths under `prefix` as the client wrote them. */
export function fieldErrorsOf(issues: readonly Issue[], prefix: readonly (string | number)[] = []): FieldError[] {
  return issues.map((issue) => ({
    path: [
      ...prefix,
      ...(issue.path ?? [])
        .map((segment) => (typeof segment === 'object' ? segment.key : segment))
        .filter((segment): segment is string | number => typeof segment !== 'symbol'),
    ],
    message: issue.message,
  }));
}

/**
 * Validates a GraphQL argument with a zod schema at the edge. Failures become one BAD_USER_INPUT
 * error listing every field, with paths as the client wrote them (e.g. ["input", "email"]).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, path: string[] = ['input']): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badUserInput(fieldErrorsOf(result.error.issues, path));
}
