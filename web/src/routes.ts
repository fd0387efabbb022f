// The app's routes; pages load on demand, each behind a loading boundary of its own (shell/lazy-page.tsx). Workspace
// slugs share the top level with the fixed paths, which the API reserves (login, register, profile, new, invite, …)
// so that no workspace can take one.
import type { RouteDefinition } from '@solidjs/router';
import { GuestLayout } from './features/accounts/GuestLayout.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { lazyPage } from './shell/lazy-page.tsx';

export const routes: RouteDefinition[] = [
  {
    component: GuestLayout,
    children: [
      { path: '/login', component: lazyPage(() => import('./features/accounts/LoginPage.tsx')) },
      { path: '/register', component: lazyPage(() => import('./features/accounts/RegisterPage.tsx')) },
    ],
  },
  { path: '/invite/:token', component: lazyPage(() => import('./features/workspaces/InvitationPage.tsx')) },
  {
    component: AppLayout,
    children: [
      { path: '/', component: lazyPage(() => import('./features/workspaces/HomePage.tsx')) },
      { path: '/profile', component: lazyPage(() => import('./features/accounts/ProfilePage.tsx')) },
      { path: '/new', component: lazyPage(() => import('./features/workspaces/CreateWorkspacePage.tsx')) },
      {
        path: '/:slug',
        component: lazyPage(() => import('./features/workspaces/WorkspaceLayout.tsx')),
        children: [
          { path: '/', component: lazyPage(() => import('./features/workspaces/WorkspaceHomePage.tsx')) },
          { path: '/members', component: lazyPage(() => import('./features/workspaces/MembersPage.tsx')) },
          { path: '/settings', component: lazyPage(() => import('./features/workspaces/SettingsPage.tsx')) },
          {
            path: '/settings/api-tokens',
            component: lazyPage(() => import('./features/workspaces/ApiTokensPage.tsx')),
          },
          {
            path: '/settings/webhooks',
            component: lazyPage(() => import('./features/webhooks/WebhooksPage.tsx')),
          },
          {
            path: '/settings/webhooks/:id',
            component: lazyPage(() => import('./features/webhooks/WebhookPage.tsx')),
          },
          {
            path: '/settings/audit-log',
            component: lazyPage(() => import('./features/audit/AuditLogPage.tsx')),
          },
          { path: '/projects', component: lazyPage(() => import('./features/projects/ProjectsPage.tsx')) },
          {
            path: '/projects/:key',
            component: lazyPage(() => import('./features/projects/ProjectLayout.tsx')),
            children: [
              { path: '/', component: lazyPage(() => import('./features/tasks/BoardPage.tsx')) },
              { path: '/list', component: lazyPage(() => import('./features/tasks/ListPage.tsx')) },
              { path: '/settings', component: lazyPage(() => import('./features/projects/ProjectSettingsPage.tsx')) },
            ],
          },
          {
            // Task keys like YEL-42; the fixed paths above never match this.
            path: '/:taskKey',
            matchFilters: { taskKey: /^[A-Za-z]{2,6}-\d+$/ },
            component: lazyPage(() => import('./features/tasks/TaskPage.tsx')),
          },
        ],
      },
    ],
  },
  { path: '*', component: lazyPage(() => import('./shell/NotFoundPage.tsx')) },
];
