// A page whose code loads on demand, behind a loading boundary and an error boundary of its own.
//
// Without its own boundary, the first visit to a page suspends the layout's boundary, which has already shown
// content, so the router holds the whole navigation in a Solid transition until the code arrives. Whatever stays
// on screen meanwhile (the header, the page being left) keeps updating outside that transition, and Solid does not
// update what it created there when the transition ends: a route parameter the header read for the first time
// then kept the previous page's value, and the new workspace page asked for `workspace(slug: undefined)` for good.
// With a boundary of its own the navigation completes at once and the page says that it is loading.
//
// A page that fails (its code did not arrive, offline or gone with a new deployment; or it threw) says so in its
// own place, under the app's header and its layout's navigation, with a Retry that loads it again (WEB-4.1). A page's
// code that is gone because the server runs a new build offers the reload instead (WEB-4.2).
//
// A route's page may also name the queries it will ask for (`preloadQueries`): they are sent as soon as the route
// matches, beside those of its layouts, rather than once each layout above has its own answer and renders (WEB-9.1).
import type { RoutePreloadFuncArgs, RouteSectionProps } from '@solidjs/router';
import type { Client } from '@urql/core';
import { useClient } from '@urql/solid';
import { type Component, ErrorBoundary, type JSX, lazy, Show, Suspense } from 'solid-js';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { graphql } from '../graphql.ts';
import { useDeployment } from '../lib/deployment.ts';
import { NewVersionOffer } from './NewVersionNotice.tsx';

/** What the router may call on a page: `preload`, when a link to it is hovered. */
type LazyPage<Props extends object> = Component<Props> & { preload: () => Promise<void> };

/** A page's code that did not arrive: offline, or a chunk of another build that the server no longer has. */
export class PageCodeError extends Error {
  constructor(cause: unknown) {
    super('The page’s code could not be loaded.', { cause });
    this.name = 'PageCodeError';
  }
}

/**
 * `load` that keeps its result once it succeeds and forgets a failure, so that the next call imports again (the
 * browser fetches the chunk anew once the network is back); a failure rejects with a `PageCodeError`.
 */
export function retryingLoad<Module>(load: () => Promise<Module>): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  return () => {
    loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new PageCodeError(cause);
    });
    return loading;
  };
}

/** Asks the server anything: its answer names the build it runs (`x-yello-version`). */
const ServerVersionQuery = graphql(`
  query ServerVersion {
    __typename
  }
`);

function PageLoading(): JSX.Element {
  return (
    <p class="placeholder" role="status">
      <Spinner />
      Loading the page…
    </p>
  );
}

export const pageCodeFailedMessage = 'Yello could not fetch this page. Check your connection, then retry.';
export const pageFailedMessage = 'This page hit an unexpected problem.';

/** The page's place when it failed, titled as a page: Retry, or the reload a new build needs. */
function PageFailed(props: { readonly error: unknown; readonly retry: () => void }): JSX.Element {
  const deployment = useDeployment();
  const client = useClient();
  const codeMissing = props.error instanceof PageCodeError;
  // The code may be gone because the server runs a new build: its answer says so (and the notice appears).
  if (codeMissing && deployment)
    void client.query(ServerVersionQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  const newVersion = () => codeMissing && deployment?.newVersion() === true;
  return (
    <div class="page">
      <header class="page-header">
        <h1>{newVersion() ? 'New version available' : 'This page could not load'}</h1>
      </header>
      <Show
        when={newVersion()}
        fallback={
          <ErrorBanner
            message={codeMissing ? pageCodeFailedMessage : pageFailedMessage}
            actionLabel="Retry"
            onAction={() => props.retry()}
          />
        }
      >
        <NewVersionOffer />
      </Show>
    </div>
  );
}

export function lazyPage<Props extends object>(load: () => Promise<{ default: Component<Props> }>): LazyPage<Props> {
  return lazyPageOf(retryingLoad(load));
}

/**
 * Sends the queries a page will ask for, with the variables it will give them, so that its own `createQuery` finds
 * them answered or on their way (urql shares an operation in flight). Queued behind the session's restoring.
 */
export type PreloadQueries = (client: Client, route: RoutePreloadFuncArgs) => void;

/** A route's page module: its component, and what it will ask for. */
export interface PageModule {
  readonly default: Component<RouteSectionProps>;
  readonly preloadQueries?: PreloadQueries;
}

/**
 * A lazy page as a route's `component` and `preload`: when the route is opened (not when a link to it is merely
 * hovered, which would spend the API's budget on every card the pointer crosses), its code is fetched and its
 * queries are sent at once, in parallel with its layouts' (WEB-9.1).
 */
export function lazyRoute(load: () => Promise<PageModule>): {
  component: LazyPage<RouteSectionProps>;
  preload: (route: RoutePreloadFuncArgs) => void;
} {
  const loadOnce = retryingLoad(load);
  return {
    component: lazyPageOf(loadOnce),
    preload(route) {
      if (route.intent === 'preload') return;
      const client = useClient();
      // A page whose code did not arrive says so when it renders (PageFailed).
      loadOnce().then(
        (page) => page.preloadQueries?.(client, route),
        () => undefined,
      );
    },
  };
}

function lazyPageOf<Props extends object>(load: () => Promise<{ default: Component<Props> }>): LazyPage<Props> {
  const Page = lazy(load);
  const PageWithBoundary: Component<Props> = (props) => (
    <ErrorBoundary fallback={(error: unknown, reset) => <PageFailed error={error} retry={reset} />}>
      <Suspense fallback={<PageLoading />}>
        <Page {...props} />
      </Suspense>
    </ErrorBoundary>
  );
  // A failed preload is the page's to report, when it is opened.
  const preload = () =>
    Page.preload().then(
      () => undefined,
      () => undefined,
    );
  return Object.assign(PageWithBoundary, { preload });
}
