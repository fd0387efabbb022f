// Shown instead of a page when the session could not be checked because Yello did not answer (requirement 16.7).
import { type JSX, Show } from 'solid-js';
import { useAuth } from '../lib/auth.ts';
import { networkErrorMessage } from '../lib/errors.ts';

export function SessionUnavailable(): JSX.Element {
  const auth = useAuth();
  return (
    <Show when={auth.status() === 'unavailable'}>
      <div class="banner banner-error query-error" role="alert">
        <span>{networkErrorMessage}</span>
        <button type="button" class="button button-small" onClick={() => void auth.refresh()}>
          Retry
        </button>
      </div>
    </Show>
  );
}
