// A compact multi-select: a disclosure whose summary names the choice and whose panel holds a checkbox per option,
// in optional groups. It closes when focus leaves it or on Escape. Options keep their checkboxes when the list is
// rebuilt (Index), so toggling one keeps focus on it.
import { createUniqueId, Index, type JSX, Show } from 'solid-js';

export interface CheckboxOption {
  readonly value: string;
  readonly label: string;
}

export interface CheckboxGroup {
  readonly label?: string;
  readonly options: readonly CheckboxOption[];
}

interface CheckboxMenuProps {
  /** What is being chosen, e.g. "Priority". */
  readonly label: string;
  /** The summary when nothing is chosen, e.g. "Any priority". */
  readonly anyLabel: string;
  readonly groups: readonly CheckboxGroup[];
  readonly selected: readonly string[];
  onChange(values: string[]): void;
}

export function CheckboxMenu(props: CheckboxMenuProps): JSX.Element {
  const labelId = createUniqueId();
  let details: HTMLDetailsElement | undefined;
  const options = () => props.groups.flatMap((group) => group.options);
  const summary = (): string => {
    const chosen = options().filter((option) => props.selected.includes(option.value));
    const [first] = chosen;
    if (!first) return props.anyLabel;
    return chosen.length === 1 ? first.label : `${chosen.length} selected`;
  };
  const toggle = (value: string, on: boolean): void => {
    const rest = props.selected.filter((selected) => selected !== value);
    props.onChange(on ? [...rest, value] : rest);
  };
  const onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (details && !(next instanceof Node && details.contains(next))) details.open = false;
  };

  return (
    <div class="filter">
      <span class="filter-label" id={labelId}>
        {props.label}
      </span>
      <details
        ref={details}
        class="popover checkbox-menu"
        onFocusOut={onFocusOut}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !details?.open) return;
          event.preventDefault();
          details.open = false;
          details.querySelector('summary')?.focus();
        }}
      >
        <summary class="select select-small" aria-describedby={labelId}>
          <span class="visually-hidden">{props.label}: </span>
          {summary()}
        </summary>
        <div class="popover-panel checkbox-menu-panel">
          <Index each={props.groups}>
            {(group) => (
              <fieldset class="label-options">
                <legend class={group().label ? 'filter-label' : 'visually-hidden'}>
                  {group().label ?? props.label}
                </legend>
                <Index each={group().options}>
                  {(option) => (
                    <label class="checkbox">
                      <input
                        type="checkbox"
                        value={option().value}
                        checked={props.selected.includes(option().value)}
                        onChange={(event) => toggle(option().value, event.currentTarget.checked)}
                      />
                      {option().label}
                    </label>
                  )}
                </Index>
                <Show when={group().options.length === 0}>
                  <span class="muted">None</span>
                </Show>
              </fieldset>
            )}
          </Index>
        </div>
      </details>
    </div>
  );
}
