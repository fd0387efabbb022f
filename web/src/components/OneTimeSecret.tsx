// A secret the server shows once (an API token's, a webhook's signing secret): what it is and that it will not be
// shown again, the secret with a Copy button, what to do with it, and Done, which takes it off the page.
import type { JSX } from 'solid-js';
import { CopyField } from './CopyField.tsx';

interface OneTimeSecretProps {
  /** Says what the secret is for, and that it is shown only now. */
  readonly children: JSX.Element;
  readonly label: string;
  readonly secret: string;
  /** Under the secret: how to use it (an example request). */
  readonly usage?: JSX.Element;
  /** Beside Done: where to go next (a link). */
  readonly actions?: JSX.Element;
  onDone(): void;
}

export function OneTimeSecret(props: OneTimeSecretProps): JSX.Element {
  return (
    <div class="one-time-result">
      {props.children}
      <CopyField label={props.label} value={props.secret} />
      {props.usage}
      <div class="form-actions">
        {props.actions}
        <button type="button" class="button button-secondary button-small" onClick={() => props.onDone()}>
          Done
        </button>
      </div>
    </div>
  );
}
