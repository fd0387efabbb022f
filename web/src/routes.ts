// The app's routes; pages load on demand, each behind a loading boundary of its own (shell/lazy-page.tsx), its queries sent as soon as it is opened. Workspace
// slugs share the top level with the fixed paths, which the API reserves (login, register, profile, new, invite, …)
// so that no workspace can take one.
import type { RouteDefinition } from '@solidjs/router';
import { GuestLayout } from './features/accounts/GuestLayout.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { lazyRoute } from './shell/lazy-page.tsx';

export const routes: RouteDefinition[] = [
  {
    component: GuestLayout,
    children: [
      { path: '/login', ...lazyRoute(() => import('./features/accounts/LoginPage.tsx')) },
      { path: '/register', ...lazyRoute(() => import('./features/accounts/RegisterPage.tsx')) },
    ],
  },
  { path: '/invite/:token', ...lazyRoute(() => import('./features/workspaces/InvitationPage.tsx')) },
  {
    component: AppLayout,
    children: [
      { path: '/', ...lazyRoute(() => import('./features/workspaces/HomePage.tsx')) },
      { path: '/profile', ...lazyRoute(() => import('./features/accounts/ProfilePage.tsx')) },
      { path: '/new', ...lazyRoute(() => import('./features/workspaces/CreateWorkspacePage.tsx')) },
      {
        path: '/:slug',
        ...lazyRoute(() => import('./features/workspaces/WorkspaceLayout.tsx')),
        children: [
          { path: '/', ...lazyRoute(() => import('./features/workspaces/WorkspaceHomePage.tsx')) },
          { path: '/members', ...lazyRoute(() => import('./features/workspaces/MembersPage.tsx')) },
          { path: '/settings', ...lazyRoute(() => import('./features/workspaces/SettingsPage.tsx')) },
          {
            path: '/settings/api-tokens',
            ...lazyRoute(() => import('./features/workspaces/ApiTokensPage.tsx')),
          },
          {
            path: '/settings/webhooks',
            ...lazyRoute(() => import('./features/webhooks/WebhooksPage.tsx')),
          },
          {
            path: '/settings/webhooks/:id',
            ...lazyRoute(() => import('./features/webhooks/WebhookPage.tsx')),
          },
          {
            path: '/settings/audit-log',
            ...lazyRoute(() => import('./features/audit/AuditLogPage.tsx')),
          },
          { path: '/projects', ...lazyRoute(() => import('./features/projects/ProjectsPage.tsx')) },
          {
            path: '/projects/:key',
            ...lazyRoute(() => import('./features/projects/ProjectLayout.tsx')),
            children: [
              { path: '/', ...lazyRoute(() => import('./features/tasks/BoardPage.tsx')) },
              { path: '/list', ...lazyRoute(() => import('./features/tasks/ListPage.tsx')) },
              { path: '/settings', ...lazyRoute(() => import('./features/projects/ProjectSettingsPage.tsx')) },
            ],
          },
          {
            // Task keys like YEL-42; the fixed paths above never match this.
            path: '/:taskKey',
            matchFilters: { taskKey: /^[A-Za-z]{2,6}-\d+$/ },
            ...lazyRoute(() => import('./features/tasks/TaskPage.tsx')),
          },
        ],
      },
    ],
  },
  { path: '*', ...lazyRoute(() => import('./shell/NotFoundPage.tsx')) },
];
