// What makes a password acceptable. Pure: no I/O, no state beyond the read-only dictionaries.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const PASSWORD_MAX_BYTES = 72;
/** zxcvbn scores 0..4; below this the password is in common lists or trivially guessable. */
const MIN_SCORE = 2;

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/**
 * Returns why `password` is not acceptable, or undefined when it is. `personal` holds words the
 * password must not lean on (the user's email and name).
 */
export function passwordProblem(password: string, personal: string[] = []): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji).`;
  }
  if (estimator.check(password, personal).score < MIN_SCORE) {
    return 'This password is too common or too easy to guess. Try a few unrelated words.';
  }
  return undefined;
}
