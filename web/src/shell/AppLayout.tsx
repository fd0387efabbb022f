// Frame of the signed-in pages: header with the workspace switcher and the account menu above the page, both read in
// one query (one request on the way to a page's first paint, WEB-9.6).
import type { RouteSectionProps } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type JSX, Suspense } from 'solid-js';
import { Brand } from '../components/Brand.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { AccountMenu, AccountMenuFields } from '../features/accounts/AccountMenu.tsx';
import { WorkspaceSwitcher, WorkspaceSwitcherFields } from '../features/workspaces/WorkspaceSwitcher.tsx';
import { graphql } from '../graphql.ts';

const AppHeaderQuery = graphql(
  `
    query AppHeader {
      ...WorkspaceSwitcherFields
      ...AccountMenuFields
    }
  `,
  [WorkspaceSwitcherFields, AccountMenuFields],
);

/** The header, once signed in (its query needs the session). */
function AppHeader(): JSX.Element {
  const [header] = createQuery({ query: AppHeaderQuery });
  return (
    <header class="app-header">
      <div class="app-header-bar">
        <div class="app-header-start">
          <Brand />
          <WorkspaceSwitcher data={header.data} />
        </div>
        <AccountMenu data={header.data} />
      </div>
    </header>
  );
}

export function AppLayout(props: RouteSectionProps): JSX.Element {
  return (
    <RequireAuth>
      <AppHeader />
      <main class="app-main">
        <Suspense>{props.children}</Suspense>
      </main>
    </RequireAuth>
  );
}
