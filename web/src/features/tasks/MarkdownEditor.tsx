// A Markdown field with Write and Preview tabs; Ctrl/⌘ + Enter submits its form, Escape calls onCancel.
import { createSignal, createUniqueId, type JSX, Show } from 'solid-js';
import { Field } from '../../components/Field.tsx';
import { Markdown } from './Markdown.tsx';

interface MarkdownEditorProps {
  readonly label: string;
  readonly name: string;
  readonly initial?: string;
  readonly placeholder?: string;
  readonly error?: string | undefined;
  readonly rows?: number;
  readonly autofocus?: boolean;
  readonly maxLength?: number;
  readonly onCancel?: () => void;
  /** Receives a function that empties the editor, e.g. after a comment was added. */
  readonly reset?: (reset: () => void) => void;
}

export function MarkdownEditor(props: MarkdownEditorProps): JSX.Element {
  const [text, setText] = createSignal(props.initial ?? '');
  const [preview, setPreview] = createSignal(false);
  const id = createUniqueId();
  let textarea: HTMLTextAreaElement | undefined;
  props.reset?.(() => {
    setText('');
    setPreview(false);
  });

  /** A tab and the panel it shows; the other panel is `hidden`, so only one is seen (and announced) at a time. */
  const tab = (panel: 'write' | 'preview', label: string, onSelect: () => void) => (
    <button
      type="button"
      role="tab"
      id={`${id}-${panel}-tab`}
      class="editor-tab"
      aria-selected={preview() === (panel === 'preview')}
      aria-controls={`${id}-${panel}`}
      onClick={onSelect}
    >
      {label}
    </button>
  );

  return (
    <Field
      label={props.label}
      error={props.error}
      hint="Markdown: **bold**, _italic_, `code`, - lists, [links](https://…)"
    >
      {(control) => (
        <div class="editor">
          <div class="editor-tabs" role="tablist" aria-label="Write or preview">
            {tab('write', 'Write', () => {
              setPreview(false);
              queueMicrotask(() => textarea?.focus());
            })}
            {tab('preview', 'Preview', () => setPreview(true))}
          </div>
          <div id={`${id}-write`} role="tabpanel" aria-labelledby={`${id}-write-tab`} hidden={preview()}>
            <textarea
              {...control}
              ref={(element) => {
                textarea = element;
                if (props.autofocus) queueMicrotask(() => element.focus());
              }}
              name={props.name}
              class="textarea"
              rows={props.rows ?? 6}
              maxLength={props.maxLength}
              placeholder={props.placeholder}
              value={text()}
              onInput={(event) => setText(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                } else if (event.key === 'Escape' && props.onCancel) {
                  event.preventDefault();
                  props.onCancel();
                }
              }}
            />
          </div>
          <div
            id={`${id}-preview`}
            role="tabpanel"
            aria-labelledby={`${id}-preview-tab`}
            class="editor-preview"
            hidden={!preview()}
          >
            <Show when={preview()}>
              <Show when={text().trim()} fallback={<p class="field-hint">Nothing to preview.</p>}>
                <Markdown text={text()} />
              </Show>
            </Show>
          </div>
        </div>
      )}
    </Field>
  );
}
