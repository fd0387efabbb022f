// Logging out: tells the server to end the session, then forgets it in this tab whatever the answer.
import { createMutation } from '@urql/solid';
import { type Accessor, createMemo } from 'solid-js';
import { graphql } from '../../graphql.ts';
import { useAuth } from '../../lib/auth.ts';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export interface Logout {
  readonly busy: Accessor<boolean>;
  logOut(): Promise<void>;
}

export function createLogout(): Logout {
  const auth = useAuth();
  const [state, logout] = createMutation(LogoutMutation);
  return {
    busy: createMemo(() => state.fetching),
    async logOut() {
      // Forget the session here even if the server could not be told: this tab must not stay signed in.
      await logout({});
      auth.signOut();
    },
  };
}
