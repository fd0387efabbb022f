// A labelled select with its hint and its field error; the options are its children.
import { type JSX, splitProps } from 'solid-js';
import { Field, type FieldProps } from './Field.tsx';

interface SelectFieldProps extends FieldProps, Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  readonly name: string;
  readonly children: JSX.Element;
}

export function SelectField(props: SelectFieldProps): JSX.Element {
  const [field, select] = splitProps(props, ['label', 'error', 'hint']);
  return <Field {...field}>{(control) => <select {...select} {...control} />}</Field>;
}
