// The project's frame: its Board and List links over a fake API.
import { cleanup, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import ProjectLayout from './ProjectLayout.tsx';

/** The answer to ProjectHeader: project LP of workspace w1, whose viewer may write but not change settings. */
const header = {
  project: {
    __typename: 'Project',
    id: 'p1',
    name: 'Launch plan',
    key: 'LP',
    description: '',
    archivedAt: null,
    states: [{ __typename: 'WorkflowState', id: 'todo', name: 'Todo', category: 'UNSTARTED' }],
    workspace: {
      __typename: 'Workspace',
      id: 'w1',
      viewerCan: { __typename: 'WorkspacePermissions', writeContent: true, updateSettings: false },
    },
  },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('switching between the board and the list', () => {
  it('WEB-5.3 keeps the query string (the list’s filters) in the Board and List links', async () => {
    const { fetch } = fakeApi(() => header);
    vi.stubGlobal('fetch', fetch);
    const query = '?assignee=u1&priority=high&q=cake';
    renderPage({
      path: '/:slug/projects/:key/list',
      url: `/acme/projects/LP/list${query}`,
      page: ProjectLayout,
      client: visitorClient(),
    });
    const views = await screen.findByRole('navigation', { name: 'Project view' });
    expect(within(views).getByRole('link', { name: 'Board' }).getAttribute('href')).toBe(`/acme/projects/LP${query}`);
    const list = within(views).getByRole('link', { name: 'List' });
    expect(list.getAttribute('href')).toBe(`/acme/projects/LP/list${query}`);
    expect(list.getAttribute('aria-current')).toBe('page');
  });

  it('WEB-5.3 links to the board and the list without a query when the URL has none', async () => {
    const { fetch } = fakeApi(() => header);
    vi.stubGlobal('fetch', fetch);
    renderPage({
      path: '/:slug/projects/:key',
      url: '/acme/projects/LP',
      page: ProjectLayout,
      client: visitorClient(),
    });
    const views = await screen.findByRole('navigation', { name: 'Project view' });
    const board = within(views).getByRole('link', { name: 'Board' });
    expect(board.getAttribute('href')).toBe('/acme/projects/LP');
    expect(board.getAttribute('aria-current')).toBe('page');
    expect(within(views).getByRole('link', { name: 'List' }).getAttribute('href')).toBe('/acme/projects/LP/list');
  });
});
