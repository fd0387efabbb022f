// Confirms that a form's change was saved; a live region that is always present, so it is announced.
import type { JSX } from 'solid-js';

export function FormNotice(props: { readonly message: string | undefined }): JSX.Element {
  return (
    <p class="banner banner-success" role="status">
      {props.message}
    </p>
  );
}
