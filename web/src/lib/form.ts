// Submits a form through one GraphQL operation: busy state, field and form errors, focus on the first problem.
import type { CombinedError } from '@urql/core';
import { type Accessor, batch, createSignal, type JSX } from 'solid-js';
import { type FormErrors, toFormErrors } from './errors.ts';

export interface FormSubmission<Field extends string> {
  readonly busy: Accessor<boolean>;
  readonly formError: Accessor<string | undefined>;
  /** The confirmation of the last successful submission, when the form has one. */
  readonly notice: Accessor<string | undefined>;
  fieldError(field: Field): string | undefined;
  readonly onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent>;
}

/** A field's value in the form (the first, for a field with several), or all of its values (checkboxes). */
type FieldValue<Field extends string> = (field: Field) => string;
type FieldValues<Field extends string> = (field: Field) => string[];

interface FormSubmissionOptions<Field extends string, Data> {
  readonly fields: readonly Field[];
  /**
   * Problems the form finds before sending, for a value the operation cannot carry at all (a date not chosen); shown
   * as the server's field errors are, and nothing is sent. The server checks everything else.
   */
  check?(value: FieldValue<Field>, values: FieldValues<Field>): Partial<Record<Field, string>>;
  /** Sends the operation built from the form's current values. */
  send(value: FieldValue<Field>, values: FieldValues<Field>): Promise<{ data?: Data; error?: CombinedError }>;
  onSuccess?(data: Data, form: HTMLFormElement): void;
  readonly successNotice?: string;
}

const noErrors: FormErrors = { fieldErrors: {} };

function focusFirstProblem(form: HTMLFormElement): void {
  form.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
}

export function createFormSubmission<Field extends string, Data>(
  options: FormSubmissionOptions<Field, Data>,
): FormSubmission<Field> {
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal(noErrors);
  const [notice, setNotice] = createSignal<string>();

  const onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    if (busy()) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const values: FieldValues<Field> = (field) =>
      data.getAll(field).filter((value): value is string => typeof value === 'string');
    const value: FieldValue<Field> = (field) => values(field)[0] ?? '';
    const problems = Object.entries(options.check?.(value, values) ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    if (problems.length > 0) {
      batch(() => {
        setNotice(undefined);
        setErrors({ fieldErrors: Object.fromEntries(problems) });
      });
      focusFirstProblem(form);
      return;
    }
    batch(() => {
      setBusy(true);
      setNotice(undefined);
    });
    const result = await options.send(value, values);
    batch(() => {
      setBusy(false);
      setErrors(result.error ? toFormErrors(result.error, options.fields) : noErrors);
      if (!result.error) setNotice(options.successNotice);
    });
    if (result.error) focusFirstProblem(form);
    else if (result.data !== undefined) options.onSuccess?.(result.data, form);
  };

  return {
    busy,
    formError: () => errors().formError,
    notice,
    fieldError: (field) => errors().fieldErrors[field],
    onSubmit,
  };
}
