// The Markdown editor's Write and Preview tabs: one panel at a time, the text kept between them.
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownEditor } from './MarkdownEditor.tsx';

afterEach(cleanup);

/** The editor of a task's description, and the parts of it a user sees. */
function renderEditor() {
  render(() => <MarkdownEditor label="Description" name="description" initial="Plan" />);
  const textarea = screen.getByLabelText('Description');
  if (!(textarea instanceof HTMLTextAreaElement)) throw new Error('The editor’s text box is not a textarea.');
  const panel = (name: string): HTMLElement => {
    const id = screen.getByRole('tab', { name }).getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error(`The ${name} tab names no panel.`);
    return element;
  };
  return { textarea, write: panel('Write'), preview: panel('Preview') };
}

describe('the Markdown editor', () => {
  it('WEB-3.1 shows only the rendered preview on Preview, and the text as typed on Write', () => {
    const { textarea, write, preview } = renderEditor();
    expect(write.contains(textarea)).toBe(true);
    expect(write.hidden).toBe(false);
    expect(preview.hidden).toBe(true);

    fireEvent.input(textarea, { target: { value: '- [ ] one\n- [x] **two**' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    expect(screen.getByRole('tab', { name: 'Preview' }).getAttribute('aria-selected')).toBe('true');
    expect(write.hidden).toBe(true);
    expect(preview.hidden).toBe(false);
    expect(preview.querySelector('.markdown strong')?.textContent).toBe('two');
    expect(preview.querySelectorAll('.markdown input[type="checkbox"]')).toHaveLength(2);

    fireEvent.click(screen.getByRole('tab', { name: 'Write' }));
    expect(screen.getByRole('tab', { name: 'Write' }).getAttribute('aria-selected')).toBe('true');
    expect(write.hidden).toBe(false);
    expect(preview.hidden).toBe(true);
    expect(textarea.value).toBe('- [ ] one\n- [x] **two**');
  });
});
