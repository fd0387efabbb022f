// A labelled input with its hint and its field error, both announced with the input.
import { type JSX, splitProps } from 'solid-js';
import { Field, type FieldProps } from './Field.tsx';

interface TextFieldProps extends FieldProps, Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly name: string;
}

export function TextField(props: TextFieldProps): JSX.Element {
  const [field, input] = splitProps(props, ['label', 'error', 'hint']);
  return <Field {...field}>{(control) => <input {...input} {...control} />}</Field>;
}
