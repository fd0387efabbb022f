// The list view's search box: the real app client over a fake API that refuses searches as the API does
// (more than 20 words, AUTH-13.11; more than 200 characters, AUTH-13.12).
import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, Refusal } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import ListPage from './ListPage.tsx';

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const todo = { __typename: 'WorkflowState', id: 'todo', name: 'Todo', color: '#8b8d98' };

/** Launch plan with one task, LP-1 "Book the venue", in Todo. */
const list = {
  project: {
    __typename: 'Project',
    id: 'p1',
    states: [todo],
    workspace: {
      __typename: 'Workspace',
      id: 'w1',
      labels: [],
      members: { __typename: 'WorkspaceMembersConnection', pageInfo, nodes: [] },
    },
    tasks: {
      __typename: 'ProjectTasksConnection',
      totalCount: 1,
      pageInfo,
      nodes: [
        {
          __typename: 'Task',
          id: 't1',
          version: 1,
          key: 'LP-1',
          title: 'Book the venue',
          priority: 'NONE',
          dueDate: null,
          commentCount: 0,
          assignee: null,
          labels: [],
          completedAt: null,
          state: todo,
        },
      ],
    },
  },
};

/** The searches the list was asked for, in order (`null` for none), answered or refused as the API would. */
function listApi() {
  const searches: (string | null)[] = [];
  const { fetch } = fakeApi((operationName, variables) => {
    if (operationName !== 'ProjectTaskList') throw new Error(`Unexpected operation ${operationName}.`);
    const filter = variables.filter;
    const search = typeof filter === 'object' && filter !== null && 'search' in filter ? filter.search : undefined;
    if (typeof search !== 'string') {
      searches.push(null);
      return list;
    }
    searches.push(search);
    const trimmed = search.trim();
    if (trimmed.split(/\s+/).length > 20 || trimmed.length > 200) {
      return new Refusal('Some fields need attention.', 'BAD_USER_INPUT');
    }
    return list;
  });
  vi.stubGlobal('fetch', fetch);
  return searches;
}

const words = (count: number, word = 'venue') => Array.from({ length: count }, () => word).join(' ');

async function openList(url = '/acme/projects/LP/list') {
  renderPage({ path: '/:slug/projects/:key/list', url, page: ListPage, client: visitorClient() });
  await screen.findByRole('link', { name: 'Book the venue' });
  const box = screen.getByRole('searchbox', { name: 'Search' });
  if (!(box instanceof HTMLInputElement)) throw new Error('The search box is not an input.');
  return box;
}

/** The text of the elements an element's aria-describedby names. */
const description = (element: HTMLElement): string =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('searching the list', () => {
  it('PT-8.1 the search box takes at most 200 characters, and past 20 words says so and searches for the first 20 instead of failing', async () => {
    const searches = listApi();
    const box = await openList();
    expect(box.maxLength).toBe(200);
    expect(box.getAttribute('aria-describedby')).toBeNull();

    const typed = `${words(20)} and   more words`;
    fireEvent.input(box, { target: { value: typed } });
    // The hint shows as the words are typed, tied to the box, before the list is asked again.
    expect(description(box)).toBe('Search takes up to 20 words: the rest is left out.');
    expect(screen.getByText('Search takes up to 20 words: the rest is left out.').getAttribute('aria-live')).toBe(
      'polite',
    );
    await waitFor(() => expect(searches).toEqual([null, words(20)]));
    expect(box.value).toBe(typed);
    expect(await screen.findByText('1 task match')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Book the venue' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.input(box, { target: { value: words(3) } });
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/Search takes up to/)).toBeNull();
    await waitFor(() => expect(searches).toEqual([null, words(20), words(3)]));
  });

  it('PT-8.1 a shared link with a longer search than the API takes lists by the part it takes, and says so', async () => {
    const searches = listApi();
    const long = words(25, 'x'.repeat(20));
    const box = await openList(`/acme/projects/LP/list?q=${encodeURIComponent(long)}`);
    expect(searches).toEqual([words(20, 'x'.repeat(20)).slice(0, 200)]);
    expect(box.value).toBe(long);
    expect(description(box)).toBe('Search takes up to 20 words and 200 characters: the rest is left out.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the filters on a phone', () => {
  it('WEB-3.3 are behind a "Filters (n)" button counting the filters set, which shows and hides the same filters', async () => {
    listApi();
    await openList('/acme/projects/LP/list?q=venue&priority=high&category=started&sort=due');
    const button = screen.getByRole('button', { name: 'Filters (2)' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const panelId = button.getAttribute('aria-controls');
    const panel = panelId ? document.getElementById(panelId) : null;
    if (!panel) throw new Error('The Filters button names no panel.');
    for (const filter of ['State', 'Assignee', 'Label', 'Priority', 'Due after', 'Due before', 'Order']) {
      expect(panel.textContent).toContain(filter);
    }
    // The search stays beside the button.
    expect(panel.contains(screen.getByRole('searchbox', { name: 'Search' }))).toBe(false);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('WEB-3.3 names no count when no filter is set', async () => {
    listApi();
    await openList('/acme/projects/LP/list?q=venue');
    expect(screen.getByRole('button', { name: 'Filters' }).getAttribute('aria-expanded')).toBe('false');
  });
});
