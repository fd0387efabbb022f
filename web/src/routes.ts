// The app's routes; pages load on demand.
import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { GuestLayout } from './features/accounts/GuestLayout.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { HomeRedirect } from './shell/HomeRedirect.tsx';

export const routes: RouteDefinition[] = [
  { path: '/', component: HomeRedirect },
  {
    component: GuestLayout,
    children: [
      { path: '/login', component: lazy(() => import('./features/accounts/LoginPage.tsx')) },
      { path: '/register', component: lazy(() => import('./features/accounts/RegisterPage.tsx')) },
    ],
  },
  {
    component: AppLayout,
    children: [{ path: '/profile', component: lazy(() => import('./features/accounts/ProfilePage.tsx')) }],
  },
  { path: '*', component: lazy(() => import('./shell/NotFoundPage.tsx')) },
];
