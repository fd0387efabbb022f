// Shows a query's four states: loading, error (with a retry, or a view of its own for NOT_FOUND or FORBIDDEN), empty
// and data.
import type { CombinedError } from '@urql/core';
import { type Accessor, type JSX, Match, Show, Switch, untrack } from 'solid-js';
import { errorMessage, hasErrorCode } from '../lib/errors.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { Spinner } from './Spinner.tsx';

interface QueryViewProps<Data> {
  readonly state: { readonly data?: Data | undefined; readonly error?: CombinedError | undefined };
  readonly loadingLabel: string;
  readonly onRetry: () => void;
  readonly isEmpty?: (data: Data) => boolean;
  readonly empty?: JSX.Element;
  /** Shown instead of the error banner when the server answers NOT_FOUND. */
  readonly notFound?: JSX.Element;
  /** Shown instead of the error banner when the server answers FORBIDDEN (a page for roles above the viewer's). */
  readonly forbidden?: JSX.Element;
  /** Renders the data once; it reads `data()` where it needs it, so later results update the view in place. */
  readonly children: (data: Accessor<Data>) => JSX.Element;
}

export function QueryView<Data>(props: QueryViewProps<Data>): JSX.Element {
  return (
    <Switch
      fallback={
        <p class="placeholder" role="status">
          <Spinner />
          {props.loadingLabel}
        </p>
      }
    >
      <Match when={props.state.data}>
        {(data) => (
          <Show when={!props.isEmpty?.(data())} fallback={<p class="placeholder">{props.empty}</p>}>
            {untrack(() => props.children(data))}
          </Show>
        )}
      </Match>
      <Match when={props.notFound && props.state.error && hasErrorCode(props.state.error, 'NOT_FOUND')}>
        {props.notFound}
      </Match>
      <Match when={props.forbidden && props.state.error && hasErrorCode(props.state.error, 'FORBIDDEN')}>
        {props.forbidden}
      </Match>
      <Match when={props.state.error}>
        {(error) => (
          <ErrorBanner message={errorMessage(error())} actionLabel="Try again" onAction={() => props.onRetry()} />
        )}
      </Match>
    </Switch>
  );
}
