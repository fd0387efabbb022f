// Frame of the signed-in pages: header with the workspace switcher and the account menu above the page.
import type { RouteSectionProps } from '@solidjs/router';
import { type JSX, Suspense } from 'solid-js';
import { Brand } from '../components/Brand.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { AccountMenu } from '../features/accounts/AccountMenu.tsx';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher.tsx';

export function AppLayout(props: RouteSectionProps): JSX.Element {
  return (
    <RequireAuth>
      <header class="app-header">
        <div class="app-header-bar">
          <div class="app-header-start">
            <Brand />
            <WorkspaceSwitcher />
          </div>
          <AccountMenu />
        </div>
      </header>
      <main class="app-main">
        <Suspense>{props.children}</Suspense>
      </main>
    </RequireAuth>
  );
}
