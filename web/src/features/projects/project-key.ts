// The key a new project's name suggests (YEL for "Yello"), before the user types one.

/** Initials of a name of several words, else its first three letters; 2 to 6 capital letters, or '' when none. */
export function suggestKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[^A-Za-z\s]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0] ?? '';
  const key = words.length > 1 ? words.map((word) => word.charAt(0)).join('') : first.slice(0, 3);
  const upper = key.slice(0, 6).toUpperCase();
  if (upper.length >= 2) return upper;
  return first.length >= 2 ? first.slice(0, 3).toUpperCase() : '';
}
