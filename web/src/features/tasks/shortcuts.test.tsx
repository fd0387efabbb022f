import { render } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import { focusTask, isTypingTarget, taskNavAttribute, useShortcuts } from './shortcuts.ts';

describe('keyboard shortcuts', () => {
  it('PT-8.3 treats fields as typing and buttons as commands', () => {
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('PT-8.3 runs a shortcut, but not while typing in a field', () => {
    const create = vi.fn();
    const { container, unmount } = render(() => {
      useShortcuts({ c: create });
      return <input aria-label="Title" />;
    });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
    container.querySelector('input')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', ctrlKey: true, bubbles: true }));
    expect(create).toHaveBeenCalledTimes(1);
    unmount();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('PT-8.3 moves focus between tasks with j and k', () => {
    const { container, unmount } = render(() => (
      <ul>
        <li>
          <a href="/a" {...{ [taskNavAttribute]: '' }}>
            A
          </a>
        </li>
        <li>
          <a href="/b" {...{ [taskNavAttribute]: '' }}>
            B
          </a>
        </li>
      </ul>
    ));
    const [first, second] = container.querySelectorAll('a');
    focusTask(1);
    expect(document.activeElement).toBe(first);
    focusTask(1);
    expect(document.activeElement).toBe(second);
    focusTask(1);
    expect(document.activeElement).toBe(second);
    focusTask(-1);
    expect(document.activeElement).toBe(first);
    unmount();
  });
});
