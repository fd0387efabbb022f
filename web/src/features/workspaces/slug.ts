// Workspace slugs as the create form suggests them; the API decides what it accepts.

const maxLength = 40;

/** A slug derived from a workspace name: lower-case ASCII words joined by hyphens, starting with a letter. */
export function suggestSlug(name: string): string {
  const words =
    name
      .normalize('NFKD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? [];
  return words
    .join('-')
    .replace(/^[^a-z]+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
