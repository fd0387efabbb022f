import { afterEach, describe, expect, it } from 'vitest';
import { rememberWorkspace, workspaceToOpen } from './remembered-workspace.ts';

afterEach(() => {
  localStorage.clear();
});

describe('workspaceToOpen', () => {
  it('WS-6.2 opens the remembered workspace', () => {
    rememberWorkspace('beta');
    expect(workspaceToOpen(['alpha', 'beta'])).toBe('beta');
    expect(localStorage.getItem('yello.workspace')).toBe('beta');
  });

  it('WS-6.2 falls back to the first workspace when the remembered one is gone', () => {
    expect(workspaceToOpen(['alpha', 'beta'], 'left-long-ago')).toBe('alpha');
    expect(workspaceToOpen(['alpha', 'beta'], null)).toBe('alpha');
  });

  it('WS-6.1 has nothing to open without workspaces', () => {
    expect(workspaceToOpen([], 'beta')).toBeUndefined();
  });
});
