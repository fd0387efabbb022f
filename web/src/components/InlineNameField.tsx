// A name edited in place, in a settings row: saved when the field changes, unless it is blank or unchanged.
import type { JSX } from 'solid-js';
import { TextField } from './TextField.tsx';

interface InlineNameFieldProps {
  /** The current name; the field's label is "Name of <name>". */
  readonly name: string;
  readonly error?: string | undefined;
  readonly maxLength: number;
  readonly onSave: (name: string) => void;
}

export function InlineNameField(props: InlineNameFieldProps): JSX.Element {
  return (
    <TextField
      label={`Name of ${props.name}`}
      name="name"
      required
      maxLength={props.maxLength}
      autocomplete="off"
      value={props.name}
      onChange={(event) => {
        const name = event.currentTarget.value.trim();
        if (name && name !== props.name) props.onSave(name);
      }}
      error={props.error}
    />
  );
}
