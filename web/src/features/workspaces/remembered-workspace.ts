// The workspace the app opens at `/`: the last one visited, remembered by slug alone in local storage.

const storageKey = 'yello.workspace';

/** Remembers the workspace to open next time. Storage may be unavailable (private mode): then nothing is kept. */
export function rememberWorkspace(slug: string): void {
  try {
    localStorage.setItem(storageKey, slug);
  } catch {}
}

function rememberedWorkspace(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** The remembered workspace if the user still belongs to it, else their first; undefined without workspaces. */
export function workspaceToOpen(slugs: readonly string[], remembered = rememberedWorkspace()): string | undefined {
  return slugs.find((slug) => slug === remembered) ?? slugs[0];
}
