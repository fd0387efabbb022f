// A page whose code loads on demand, behind a loading boundary of its own.
//
// Without its own boundary, the first visit to a page suspends the layout's boundary, which has already shown
// content, so the router holds the whole navigation in a Solid transition until the code arrives. Whatever stays
// on screen meanwhile (the header, the page being left) keeps updating outside that transition, and Solid does not
// update what it created there when the transition ends: a route parameter the header read for the first time
// then kept the previous page's value, and the new workspace page asked for `workspace(slug: undefined)` for good.
// With a boundary of its own the navigation completes at once and the page says that it is loading.
import { type Component, type JSX, lazy, Suspense } from 'solid-js';
import { Spinner } from '../components/Spinner.tsx';

/** What `lazy` gives: the component, and `preload`, which the router calls when a link to the page is hovered. */
type LazyPage<Props extends object> = Component<Props> & { preload: () => Promise<{ default: Component<Props> }> };

function PageLoading(): JSX.Element {
  return (
    <p class="placeholder" role="status">
      <Spinner />
      Loading the page…
    </p>
  );
}

export function lazyPage<Props extends object>(load: () => Promise<{ default: Component<Props> }>): LazyPage<Props> {
  const Page = lazy(load);
  const PageWithBoundary: Component<Props> = (props) => (
    <Suspense fallback={<PageLoading />}>
      <Page {...props} />
    </Suspense>
  );
  return Object.assign(PageWithBoundary, { preload: Page.preload });
}
