// Composition root: session state, the watch for a new deployment, the urql client for the current session, the
// router, and the notice of a new version.
import { Router } from '@solidjs/router';
import { Provider as UrqlProvider } from '@urql/solid';
import { createMemo, ErrorBoundary, type JSX, on, Show } from 'solid-js';
import { render } from 'solid-js/web';
import { type Auth, AuthContext, createAuth } from './lib/auth.ts';
import { createAppClient, createRefreshRequest } from './lib/client.ts';
import { createDeployment, type Deployment, DeploymentContext, pageVersion } from './lib/deployment.ts';
import { routes } from './routes.ts';
import { NewVersionNotice } from './shell/NewVersionNotice.tsx';
import './styles.css';

function App(props: { readonly auth: Auth; readonly deployment: Deployment }): JSX.Element {
  // A new client, and so an empty cache, once a session ends: no data outlives the session it was read in.
  const client = createMemo(on(props.auth.generation, () => createAppClient(props.auth, props.deployment)));
  return (
    <ErrorBoundary fallback={<UnexpectedError />}>
      <AuthContext.Provider value={props.auth}>
        <DeploymentContext.Provider value={props.deployment}>
          <Show when={client()} keyed>
            {(current) => (
              <UrqlProvider value={current}>
                <Router>{routes}</Router>
              </UrqlProvider>
            )}
          </Show>
          <NewVersionNotice />
        </DeploymentContext.Provider>
      </AuthContext.Provider>
    </ErrorBoundary>
  );
}

function UnexpectedError(): JSX.Element {
  return (
    <main class="guest">
      <div class="guest-card" role="alert">
        <h1>Something went wrong</h1>
        <p class="lead">Yello hit an unexpected problem. Reloading the page usually fixes it.</p>
        <button type="button" class="button button-primary" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const auth = createAuth(createRefreshRequest());
// Restores the session from the refresh cookie, so a reload keeps the user signed in.
void auth.refresh();
// Notices when the server runs another build than the one this page was served from (WEB-4.2).
const deployment = createDeployment(pageVersion());
render(() => <App auth={auth} deployment={deployment} />, root);
