// A small activity indicator; the text beside it says what is happening.
import type { JSX } from 'solid-js';

export function Spinner(): JSX.Element {
  return <span class="spinner" aria-hidden="true" />;
}
