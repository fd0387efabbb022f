// The message about a whole form (rate limits, network, wrong credentials); focusable so it can take focus.
import { type JSX, Show } from 'solid-js';

export function FormError(props: { readonly message: string | undefined }): JSX.Element {
  return (
    <Show when={props.message}>
      <div class="banner banner-error" role="alert" tabindex="-1">
        {props.message}
      </div>
    </Show>
  );
}
