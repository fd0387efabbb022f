// The board's density, remembered per browser in local storage: comfortable cards, or compact ones that show more
// cards per screen.

export type BoardDensity = 'comfortable' | 'compact';

const storageKey = 'yello.boardDensity';

/** The density chosen last in this browser; comfortable when none was, or when storage is unavailable. */
export function rememberedDensity(): BoardDensity {
  try {
    return localStorage.getItem(storageKey) === 'compact' ? 'compact' : 'comfortable';
  } catch {
    return 'comfortable';
  }
}

/** Remembers the density for the next board. Storage may be unavailable (private mode): then nothing is kept. */
export function rememberDensity(density: BoardDensity): void {
  try {
    localStorage.setItem(storageKey, density);
  } catch {}
}
