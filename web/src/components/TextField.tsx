// A labelled input with its hint and its field error, both announced with the input.
import { createUniqueId, type JSX, Show, splitProps } from 'solid-js';

interface TextFieldProps extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly label: string;
  readonly name: string;
  readonly error?: string | undefined;
  readonly hint?: string;
}

export function TextField(props: TextFieldProps): JSX.Element {
  const [local, input] = splitProps(props, ['label', 'error', 'hint']);
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = () => [local.error && errorId, local.hint && hintId].filter(Boolean).join(' ') || undefined;

  return (
    <div class="field">
      <label for={id}>{local.label}</label>
      <input id={id} {...input} aria-invalid={local.error ? 'true' : undefined} aria-describedby={describedBy()} />
      <Show when={local.hint}>
        <p id={hintId} class="field-hint">
          {local.hint}
        </p>
      </Show>
      <Show when={local.error}>
        <p id={errorId} class="field-error">
          {local.error}
        </p>
      </Show>
    </div>
  );
}
