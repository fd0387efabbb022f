// A button for an action that cannot be undone: it asks in a modal dialog first, and shows the action's
// error there. The dialog is the native <dialog>, so focus, Escape and the inert page come from the browser.
import type { CombinedError } from '@urql/core';
import { createSignal, createUniqueId, type JSX } from 'solid-js';
import { errorMessage } from '../lib/errors.ts';
import { FormError } from './FormError.tsx';
import { SubmitButton } from './SubmitButton.tsx';

interface ConfirmButtonProps {
  readonly label: string;
  readonly title: string;
  /** What will happen, in a sentence or two. */
  readonly children: JSX.Element;
  readonly confirmLabel: string;
  readonly busyLabel: string;
  /** Runs the action; the dialog closes when it succeeds and shows its error when it fails. */
  onConfirm(): Promise<{ readonly error?: CombinedError | undefined }>;
  readonly buttonClass?: string;
  /** Ids of elements naming what the action applies to, e.g. a member's name in a list. */
  readonly describedBy?: string;
}

export function ConfirmButton(props: ConfirmButtonProps): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const titleId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;

  const confirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    const result = await props.onConfirm();
    setBusy(false);
    if (result.error) setError(errorMessage(result.error));
    else dialog?.close();
  };

  return (
    <>
      <button
        type="button"
        class={props.buttonClass ?? 'button button-secondary'}
        aria-describedby={props.describedBy}
        onClick={() => dialog?.showModal()}
      >
        {props.label}
      </button>
      <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={() => setError(undefined)}>
        <form class="dialog-form" onSubmit={confirm}>
          <h2 id={titleId}>{props.title}</h2>
          <div class="dialog-body">{props.children}</div>
          <FormError message={error()} />
          <div class="dialog-actions">
            <button type="button" class="button button-secondary" onClick={() => dialog?.close()}>
              Cancel
            </button>
            <SubmitButton danger busy={busy()} busyLabel={props.busyLabel}>
              {props.confirmLabel}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
