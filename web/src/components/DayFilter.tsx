// A filter by a day of a list's filter row, e.g. "Due after" or "From": a labelled date input.
import type { JSX } from 'solid-js';

interface DayFilterProps {
  readonly label: string;
  /** The day in the URL, `YYYY-MM-DD`. */
  readonly value: string | undefined;
  /** Called with the day chosen, or '' when cleared. */
  readonly onChange: (day: string) => void;
}

export function DayFilter(props: DayFilterProps): JSX.Element {
  return (
    <label class="filter">
      <span class="filter-label">{props.label}</span>
      <input
        type="date"
        class="input input-small"
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </label>
  );
}
