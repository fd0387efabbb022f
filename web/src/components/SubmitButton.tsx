// A form's submit button; while busy it says what is happening and cannot be pressed again.
import { type JSX, Show } from 'solid-js';
import { Spinner } from './Spinner.tsx';

interface SubmitButtonProps {
  readonly busy: boolean;
  readonly busyLabel: string;
  /** For actions that destroy something. */
  readonly danger?: boolean;
  /** For an action beside the main one, e.g. loading more of a list. */
  readonly secondary?: boolean;
  readonly children: JSX.Element;
}

export function SubmitButton(props: SubmitButtonProps): JSX.Element {
  return (
    <button
      type="submit"
      class={`button ${props.danger ? 'button-danger' : props.secondary ? 'button-secondary' : 'button-primary'}`}
      disabled={props.busy}
      aria-busy={props.busy}
    >
      <Show when={props.busy} fallback={props.children}>
        <Spinner />
        {props.busyLabel}
      </Show>
    </button>
  );
}
