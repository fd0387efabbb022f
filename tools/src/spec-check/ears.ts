// EARS (Easy Approach to Requirements Syntax): every criterion is one of its patterns, with the
// keywords in capitals so that they stand out from the prose.
//   event-driven   WHEN <trigger> THEN <system> SHALL <response>
//   state-driven   WHILE <state> <system> SHALL <response>
//   unwanted       IF <condition> THEN <system> SHALL <response>
//   optional       WHERE <feature is included> <system> SHALL <response>
//   ubiquitous     THE <system> SHALL <response>

const PATTERNS: readonly RegExp[] = [
  /^WHEN\b.+\bSHALL\b/,
  /^WHILE\b.+\bSHALL\b/,
  /^IF\b.+\bTHEN\b.+\bSHALL\b/,
  /^WHERE\b.+\bSHALL\b/,
  /^THE\b.+\bSHALL\b/,
];

/** Why a criterion is not in EARS form, or undefined when it is. */
export function earsProblem(text: string): string | undefined {
  if (PATTERNS.some((pattern) => pattern.test(text))) return undefined;
  if (!/\bSHALL\b/.test(text)) return 'it has no SHALL';
  return 'it does not start with WHEN, WHILE, IF … THEN, WHERE or THE';
}
