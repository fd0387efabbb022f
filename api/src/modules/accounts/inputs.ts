// zod schemas for the accounts module's GraphQL inputs; messages are written for people.
import { z } from 'zod';
import { passwordProblem } from './password-policy.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const nameSchema = z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.');

function checkPassword(password: string, personal: string[], context: z.RefinementCtx, path: string) {
  const problem = passwordProblem(password, personal);
  if (problem) context.addIssue({ code: 'custom', message: problem, path: [path] });
}

export const registerInput = z
  .object({ email: emailSchema, password: z.string(), name: nameSchema })
  .superRefine((input, context) => checkPassword(input.password, [input.email, input.name], context, 'password'));

export const loginInput = z.object({
  email: z.string().trim().toLowerCase(),
  password: z.string(),
});

export const updateProfileInput = z.object({ name: nameSchema });

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.'),
  newPassword: z.string(),
});

/** The new-password check needs the user's own words, so it is built per user. */
export function newPasswordInput(personal: string[]) {
  return changePasswordInput.superRefine((input, context) =>
    checkPassword(input.newPassword, personal, context, 'newPassword'),
  );
}
