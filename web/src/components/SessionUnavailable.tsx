// Shown instead of a page when the session could not be checked because Yello did not answer (requirement 16.7).
import { type JSX, Show } from 'solid-js';
import { useAuth } from '../lib/auth.ts';
import { networkErrorMessage } from '../lib/errors.ts';
import { ErrorBanner } from './ErrorBanner.tsx';

export function SessionUnavailable(): JSX.Element {
  const auth = useAuth();
  return (
    <Show when={auth.status() === 'unavailable'}>
      <ErrorBanner message={networkErrorMessage} actionLabel="Retry" onAction={() => void auth.refresh()} />
    </Show>
  );
}
