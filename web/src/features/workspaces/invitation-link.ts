// Reads the token out of whatever an invitee pastes: the whole link or the token alone.

const tokenPattern = /^[\w-]{16,}$/;

/** The token of an invitation link (`…/invite/<token>`) or of a bare token; undefined when there is none. */
export function invitationToken(pasted: string): string | undefined {
  const text = pasted.trim();
  const token = /\/invite\/([^/?#\s]+)/.exec(text)?.[1] ?? text;
  return tokenPattern.test(token) ? token : undefined;
}
