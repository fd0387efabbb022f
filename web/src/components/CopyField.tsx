// A read-only value with a Copy button, for what people hand on themselves: invitation links, API token secrets.
import { createSignal, type JSX } from 'solid-js';
import { Field, type FieldProps } from './Field.tsx';

export function CopyField(props: FieldProps & { readonly value: string }): JSX.Element {
  const [status, setStatus] = createSignal<string>();
  let input: HTMLInputElement | undefined;

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.value);
      setStatus('Copied to the clipboard.');
    } catch {
      // Clipboard access needs a secure context and the user's permission; selecting lets them copy by hand.
      input?.select();
      setStatus('Could not copy. It is selected: copy it with your keyboard.');
    }
  };

  return (
    <div class="copy-field">
      <Field label={props.label} hint={props.hint}>
        {(control) => (
          <div class="copy-field-row">
            <input
              {...control}
              ref={input}
              readonly
              value={props.value}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" class="button button-secondary" onClick={copy}>
              Copy
            </button>
          </div>
        )}
      </Field>
      <p class="copy-field-status" role="status">
        {status()}
      </p>
    </div>
  );
}
