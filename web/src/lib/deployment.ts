// Which build of Yello this tab runs, and whether the server now serves another (WEB-4.2). The server names its web
// build in the page (`<meta name="yello-version">`) and in the `x-yello-version` header of every GraphQL answer.
import { type Accessor, createContext, createSignal, useContext } from 'solid-js';

export const VERSION_HEADER = 'x-yello-version';

/** The build this page was served from; undefined where the server names none (Vite's dev server). */
export function pageVersion(doc: Document = document): string | undefined {
  return doc.querySelector<HTMLMetaElement>('meta[name="yello-version"]')?.content || undefined;
}

/** Whether the server's answer names another build than the page's; an unknown version on either side never does. */
export function isNewVersion(loaded: string | undefined, served: string | null | undefined): boolean {
  return Boolean(loaded && served && served !== loaded);
}

export interface Deployment {
  /** Whether an answer of the server named another build than the page's; it stays so until the page reloads. */
  readonly newVersion: Accessor<boolean>;
  /** `fetch`, noting the build each answer names. */
  readonly fetch: typeof fetch;
}

/** Watches the server's answers for another build than `loaded`, the page's own. */
export function createDeployment(loaded: string | undefined): Deployment {
  const [newVersion, setNewVersion] = createSignal(false);
  return {
    newVersion,
    async fetch(input, init) {
      // The page's fetch at the time of the request, as urql's fetch exchange calls it.
      const response = await globalThis.fetch(input, init);
      if (isNewVersion(loaded, response.headers.get(VERSION_HEADER))) setNewVersion(true);
      return response;
    },
  };
}

/** The tab's deployment watch, provided by main.tsx; absent, no new version is ever noticed. */
export const DeploymentContext = createContext<Deployment>();

export function useDeployment(): Deployment | undefined {
  return useContext(DeploymentContext);
}
