// zod schemas for API tokens' inputs (INT-1.3).
import { z } from 'zod';
import { ApiTokenScope } from '../../generated/prisma/enums.ts';

/** The longest a token may live: a year, and a day of slack for time zones. */
export const MAX_TOKEN_DAYS = 366;

export function createTokenInput(now: Date) {
  const latest = new Date(now.getTime() + MAX_TOKEN_DAYS * 24 * 60 * 60 * 1000);
  return z.object({
    name: z.string().trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.'),
    scopes: z
      .array(z.enum(ApiTokenScope))
      .min(1, 'Choose at least one scope.')
      .transform((scopes) => [...new Set(scopes)]),
    expiresAt: z
      .date()
      .refine((date) => date > now, 'Choose a date in the future.')
      .refine((date) => date <= latest, `A token lives at most ${MAX_TOKEN_DAYS} days.`),
  });
}
