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

type FieldNotesProps = Pick<FieldProps, 'hint' | 'error'>;

/** What a field's control (or group of controls) is described by: the ids of its error and hint, when shown. */
export function fieldDescribedBy(id: string, props: FieldNotesProps): string | undefined {
  return [props.error && `${id}-error`, props.hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error, under the ids `fieldDescribedBy` names. */
export function FieldNotes(props: FieldNotesProps & { readonly id: string }): JSX.Element {
  return (
    <>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </>
  );
}

export function Field(
  props: FieldProps & { readonly children: (control: FieldControlProps) => JSX.Element },
): JSX.Element {
  const id = createUniqueId();
  const control: FieldControlProps = {
    id,
    get 'aria-invalid'() {
      return props.error ? 'true' : undefined;
    },
    get 'aria-describedby'() {
      return fieldDescribedBy(id, props);
    },
  };

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children(control)}
      <FieldNotes id={id} hint={props.hint} error={props.error} />
    </div>
  );
}
