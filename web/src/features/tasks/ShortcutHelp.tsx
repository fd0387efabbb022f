// The keyboard shortcuts overlay: `?` opens it, Escape (the native dialog) closes it.
import { createUniqueId, For, type JSX } from 'solid-js';
import { useShortcuts } from './shortcuts.ts';

const shortcuts: readonly { readonly keys: readonly string[]; readonly action: string }[] = [
  { keys: ['c'], action: 'New task in this project' },
  { keys: ['/'], action: 'Search the list' },
  { keys: ['j'], action: 'Next task' },
  { keys: ['k'], action: 'Previous task' },
  { keys: ['Enter'], action: 'Open the focused task' },
  { keys: ['Alt', '←', '→'], action: 'Move the focused card to the previous or next column' },
  { keys: ['Alt', '↑', '↓'], action: 'Move the focused card up or down' },
  { keys: ['?'], action: 'Show this help' },
  { keys: ['Esc'], action: 'Close a dialog or an editor' },
];

export function ShortcutHelp(): JSX.Element {
  const titleId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  useShortcuts({ '?': () => dialog?.showModal() });

  return (
    <>
      <button
        type="button"
        class="button button-secondary button-small shortcuts-button"
        aria-keyshortcuts="?"
        onClick={() => dialog?.showModal()}
      >
        <span aria-hidden="true">⌨</span> Shortcuts
      </button>
      <dialog ref={dialog} class="dialog" aria-labelledby={titleId}>
        <div class="dialog-form">
          <h2 id={titleId}>Keyboard shortcuts</h2>
          <dl class="shortcut-list">
            <For each={shortcuts}>
              {(shortcut) => (
                <div class="shortcut">
                  <dt>
                    <For each={shortcut.keys}>{(key) => <kbd>{key}</kbd>}</For>
                  </dt>
                  <dd>{shortcut.action}</dd>
                </div>
              )}
            </For>
          </dl>
          <p class="field-hint">Shortcuts do nothing while you type in a field.</p>
          <div class="dialog-actions">
            <button type="button" class="button button-secondary" onClick={() => dialog?.close()}>
              Close
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
