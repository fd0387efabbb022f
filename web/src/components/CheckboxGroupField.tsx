// A group of checkboxes under one legend, each with a line saying what it means, and the group's hint and field
// error: the error is announced with the group, and every checkbox is marked invalid while it shows.
import { createUniqueId, For, type JSX } from 'solid-js';
import { FieldNotes, type FieldProps, fieldDescribedBy } from './Field.tsx';

export interface CheckboxGroupOption {
  readonly value: string;
  readonly label: string;
  /** One line about what choosing it means. */
  readonly description: string;
}

interface CheckboxGroupFieldProps extends FieldProps {
  /** The form field's name; every checked box adds its value under it. */
  readonly name: string;
  readonly options: readonly CheckboxGroupOption[];
  /** The values checked at first. */
  readonly checked?: readonly string[];
}

export function CheckboxGroupField(props: CheckboxGroupFieldProps): JSX.Element {
  const id = createUniqueId();

  return (
    <fieldset class="checkbox-group" aria-describedby={fieldDescribedBy(id, props)}>
      <legend>{props.label}</legend>
      <For each={props.options}>
        {(option, index) => {
          const optionId = `${id}-${index()}`;
          return (
            <div class="checkbox-option">
              <input
                id={optionId}
                type="checkbox"
                name={props.name}
                value={option.value}
                checked={props.checked?.includes(option.value) ?? false}
                aria-invalid={props.error ? 'true' : undefined}
                aria-describedby={`${optionId}-description`}
              />
              <label for={optionId}>{option.label}</label>
              <p id={`${optionId}-description`} class="field-hint">
                {option.description}
              </p>
            </div>
          );
        }}
      </For>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
    </fieldset>
  );
}
