// The app's routes; pages load on demand. Workspace slugs share the top level with the fixed paths, which the
// API reserves (login, register, profile, new, invite, …) so that no workspace can take one.
import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { GuestLayout } from './features/accounts/GuestLayout.tsx';
import { AppLayout } from './shell/AppLayout.tsx';

export const routes: RouteDefinition[] = [
  {
    component: GuestLayout,
    children: [
      { path: '/login', component: lazy(() => import('./features/accounts/LoginPage.tsx')) },
      { path: '/register', component: lazy(() => import('./features/accounts/RegisterPage.tsx')) },
    ],
  },
  { path: '/invite/:token', component: lazy(() => import('./features/workspaces/InvitationPage.tsx')) },
  {
    component: AppLayout,
    children: [
      { path: '/', component: lazy(() => import('./features/workspaces/HomePage.tsx')) },
      { path: '/profile', component: lazy(() => import('./features/accounts/ProfilePage.tsx')) },
      { path: '/new', component: lazy(() => import('./features/workspaces/CreateWorkspacePage.tsx')) },
      {
        path: '/:slug',
        component: lazy(() => import('./features/workspaces/WorkspaceLayout.tsx')),
        children: [
          { path: '/', component: lazy(() => import('./features/workspaces/WorkspaceHomePage.tsx')) },
          { path: '/members', component: lazy(() => import('./features/workspaces/MembersPage.tsx')) },
          { path: '/settings', component: lazy(() => import('./features/workspaces/SettingsPage.tsx')) },
          { path: '/projects', component: lazy(() => import('./features/projects/ProjectsPage.tsx')) },
          {
            path: '/projects/:key',
            component: lazy(() => import('./features/projects/ProjectLayout.tsx')),
            children: [
              { path: '/', component: lazy(() => import('./features/tasks/BoardPage.tsx')) },
              { path: '/list', component: lazy(() => import('./features/tasks/ListPage.tsx')) },
              { path: '/settings', component: lazy(() => import('./features/projects/ProjectSettingsPage.tsx')) },
            ],
          },
          {
            // Task keys like YEL-42; the fixed paths above never match this.
            path: '/:taskKey',
            matchFilters: { taskKey: /^[A-Za-z]{2,6}-\d+$/ },
            component: lazy(() => import('./features/tasks/TaskPage.tsx')),
          },
        ],
      },
    ],
  },
  { path: '*', component: lazy(() => import('./shell/NotFoundPage.tsx')) },
];
