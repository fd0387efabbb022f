// A group of checkboxes under one legend, each with an optional line saying what it means, and the group's hint and
// field error: the error is announced with the group, and every checkbox is marked invalid while it shows. Options may
// come in sub-groups, each under its own legend with a checkbox choosing all of its options at once ("All task events").
import { createEffect, createSignal, createUniqueId, For, type JSX, on, Show } from 'solid-js';
import { FieldNotes, type FieldProps, fieldDescribedBy } from './Field.tsx';

export interface CheckboxGroupOption {
  readonly value: string;
  readonly label: string;
  /** One line about what choosing it means. */
  readonly description?: string;
}

export interface CheckboxOptionGroup {
  readonly label: string;
  /** The label of the checkbox that chooses every option of the group, e.g. "All task events". */
  readonly allLabel: string;
  readonly options: readonly CheckboxGroupOption[];
}

interface CheckboxGroupFieldProps extends FieldProps {
  /** The form field's name; every checked box adds its value under it. */
  readonly name: string;
  /** The options, or the sub-groups holding them. */
  readonly options: readonly CheckboxGroupOption[] | readonly CheckboxOptionGroup[];
  /** The values checked at first (and again whenever this changes). */
  readonly checked?: readonly string[];
}

const isGroup = (entry: CheckboxGroupOption | CheckboxOptionGroup): entry is CheckboxOptionGroup => 'options' in entry;

export function CheckboxGroupField(props: CheckboxGroupFieldProps): JSX.Element {
  const id = createUniqueId();
  const [checked, setChecked] = createSignal<ReadonlySet<string>>(new Set(props.checked));
  createEffect(
    on(
      () => props.checked,
      (values) => setChecked(new Set(values)),
      { defer: true },
    ),
  );
  const setValues = (values: readonly string[], choose: boolean): void => {
    const next = new Set(checked());
    for (const value of values) {
      if (choose) next.add(value);
      else next.delete(value);
    }
    setChecked(next);
  };

  const Option = (option: CheckboxGroupOption & { readonly id: string }): JSX.Element => (
    <div class="checkbox-option">
      <input
        id={option.id}
        type="checkbox"
        name={props.name}
        value={option.value}
        checked={checked().has(option.value)}
        onChange={(event) => setValues([option.value], event.currentTarget.checked)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={option.description ? `${option.id}-description` : undefined}
      />
      <label for={option.id}>{option.label}</label>
      <Show when={option.description}>
        <p id={`${option.id}-description`} class="field-hint">
          {option.description}
        </p>
      </Show>
    </div>
  );

  const Group = (group: CheckboxOptionGroup & { readonly id: string }): JSX.Element => {
    const values = () => group.options.map((option) => option.value);
    const count = () => values().filter((value) => checked().has(value)).length;
    let all: HTMLInputElement | undefined;
    createEffect(() => {
      if (all) all.indeterminate = count() > 0 && count() < values().length;
    });
    return (
      <fieldset class="checkbox-subgroup">
        <legend>{group.label}</legend>
        <Show when={group.options.length > 1}>
          <div class="checkbox-option">
            <input
              ref={all}
              id={`${group.id}-all`}
              type="checkbox"
              checked={count() === values().length}
              onChange={(event) => setValues(values(), event.currentTarget.checked)}
            />
            <label for={`${group.id}-all`}>{group.allLabel}</label>
          </div>
        </Show>
        <For each={group.options}>{(option, index) => <Option {...option} id={`${group.id}-${index()}`} />}</For>
      </fieldset>
    );
  };

  return (
    <fieldset class="checkbox-group" aria-describedby={fieldDescribedBy(id, props)}>
      <legend>{props.label}</legend>
      <For each={props.options}>
        {(entry, index) =>
          isGroup(entry) ? <Group {...entry} id={`${id}-${index()}`} /> : <Option {...entry} id={`${id}-${index()}`} />
        }
      </For>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
    </fieldset>
  );
}
