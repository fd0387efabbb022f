// A form control's label, hint and error; the control gets the ids and ARIA state that tie them together.
import { createUniqueId, type JSX, Show } from 'solid-js';

/** What the control must spread onto itself so the label, hint and error are announced with it. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': 'true' | undefined;
  readonly 'aria-describedby': string | undefined;
}

export interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
}

export function Field(
  props: FieldProps & { readonly children: (control: FieldControlProps) => JSX.Element },
): JSX.Element {
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control: FieldControlProps = {
    id,
    get 'aria-invalid'() {
      return props.error ? 'true' : undefined;
    },
    get 'aria-describedby'() {
      return [props.error && errorId, props.hint && hintId].filter(Boolean).join(' ') || undefined;
    },
  };

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children(control)}
      <Show when={props.hint}>
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
