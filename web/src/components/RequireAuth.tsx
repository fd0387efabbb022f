// Renders its children for a signed-in user; sends a visitor to the login page and back afterwards; offers to
// retry when the session could not be checked.
import { Navigate, useLocation } from '@solidjs/router';
import { type JSX, Match, Switch } from 'solid-js';
import { useAuth } from '../lib/auth.ts';
import { loginPath } from '../lib/redirect.ts';
import { SessionUnavailable } from './SessionUnavailable.tsx';
import { Spinner } from './Spinner.tsx';

export function RequireAuth(props: { readonly children: JSX.Element }): JSX.Element {
  const auth = useAuth();
  const location = useLocation();
  return (
    <Switch>
      <Match when={auth.status() === 'signedIn'}>{props.children}</Match>
      <Match when={auth.status() === 'signedOut'}>
        <Navigate href={loginPath(`${location.pathname}${location.search}`)} />
      </Match>
      <Match when={auth.status() === 'unknown'}>
        <p class="placeholder placeholder-page" role="status">
          <Spinner />
          Loading Yello…
        </p>
      </Match>
      <Match when={auth.status() === 'unavailable'}>
        <div class="placeholder placeholder-page">
          <SessionUnavailable />
        </div>
      </Match>
    </Switch>
  );
}
