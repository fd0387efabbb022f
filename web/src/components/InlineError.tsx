// A short error beside the control or row it is about (not a whole form's banner); announced when it appears.
import { type JSX, Show } from 'solid-js';

export function InlineError(props: { readonly message: string | undefined; readonly id?: string }): JSX.Element {
  return (
    <Show when={props.message}>
      <p id={props.id} class="field-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
