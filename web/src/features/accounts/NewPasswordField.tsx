// A field for choosing a password, with the server's rules as its hint.
import type { JSX } from 'solid-js';
import { TextField } from '../../components/TextField.tsx';

interface NewPasswordFieldProps {
  readonly label: string;
  readonly name: string;
  readonly error: string | undefined;
}

export function NewPasswordField(props: NewPasswordFieldProps): JSX.Element {
  return (
    <TextField
      label={props.label}
      name={props.name}
      type="password"
      autocomplete="new-password"
      required
      hint="At least 8 characters. Avoid common words and patterns."
      error={props.error}
    />
  );
}
