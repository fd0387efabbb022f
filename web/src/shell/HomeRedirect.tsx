// `/`: the profile for a signed-in user, the login page for a visitor.
import { Navigate } from '@solidjs/router';
import { type JSX, Match, Switch } from 'solid-js';
import { useAuth } from '../lib/auth.ts';

export function HomeRedirect(): JSX.Element {
  const auth = useAuth();
  return (
    <Switch>
      <Match when={auth.status() === 'signedIn'}>
        <Navigate href="/profile" />
      </Match>
      <Match when={auth.status() === 'signedOut'}>
        <Navigate href="/login" />
      </Match>
    </Switch>
  );
}
