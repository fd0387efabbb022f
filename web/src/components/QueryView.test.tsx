import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { CombinedError } from '@urql/core';
import { createSignal, For } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkErrorMessage } from '../lib/errors.ts';
import { QueryView } from './QueryView.tsx';

interface Names {
  readonly names: readonly string[];
}

type State = { readonly data?: Names; readonly error?: CombinedError };

const notFound = new CombinedError({
  graphQLErrors: [{ message: 'This workspace does not exist.', extensions: { code: 'NOT_FOUND' } }],
});

/** A QueryView over a state the test sets, as a query's result would change. */
function renderView(options: { readonly notFound?: boolean } = {}) {
  const [state, setState] = createSignal<State>({});
  const onRetry = vi.fn();
  render(() => (
    <QueryView
      state={state()}
      loadingLabel="Loading names…"
      onRetry={onRetry}
      isEmpty={(data: Names) => data.names.length === 0}
      empty="No names yet."
      notFound={options.notFound ? <h1>Not here</h1> : undefined}
    >
      {(data) => (
        <ul>
          <For each={data().names}>{(name) => <li>{name}</li>}</For>
        </ul>
      )}
    </QueryView>
  ));
  return { setState, onRetry };
}

afterEach(cleanup);

describe('QueryView', () => {
  it('PT-8.5, AUTH-15.5 shows loading, then an error with a retry, then the data in place', () => {
    const { setState, onRetry } = renderView();
    expect(screen.getByRole('status').textContent).toBe('Loading names…');
    expect(screen.queryByRole('alert')).toBeNull();

    setState({ error: new CombinedError({ networkError: new TypeError('Failed to fetch') }) });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(networkErrorMessage);
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);

    setState({ data: { names: ['Ada', 'Grace'] } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Ada', 'Grace']);

    // A later result (a refetch) updates the view in place.
    setState({ data: { names: ['Ada', 'Grace', 'Alan'] } });
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Ada', 'Grace', 'Alan']);
  });

  it('PT-8.5, AUTH-15.5 shows the empty state when the data holds nothing', () => {
    const { setState } = renderView();
    setState({ data: { names: [] } });
    expect(screen.getByText('No names yet.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('PT-8.5 shows its own view instead of the error banner for NOT_FOUND, when it has one', () => {
    const { setState } = renderView({ notFound: true });
    setState({ error: notFound });
    expect(screen.getByRole('heading', { name: 'Not here' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    cleanup();
    const withoutView = renderView();
    withoutView.setState({ error: notFound });
    expect(screen.getByRole('alert').textContent).toContain('This workspace does not exist.');
  });
});
