// Shows a query's four states: loading, error (with a retry), empty and data.
import type { CombinedError } from '@urql/core';
import { type JSX, Match, Show, Switch } from 'solid-js';
import { errorMessage } from '../lib/errors.ts';
import { Spinner } from './Spinner.tsx';

interface QueryViewProps<Data> {
  readonly state: { readonly data?: Data | undefined; readonly error?: CombinedError | undefined };
  readonly loadingLabel: string;
  readonly onRetry: () => void;
  readonly isEmpty?: (data: Data) => boolean;
  readonly empty?: JSX.Element;
  readonly children: (data: Data) => JSX.Element;
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
            {props.children(data())}
          </Show>
        )}
      </Match>
      <Match when={props.state.error}>
        {(error) => (
          <div class="banner banner-error query-error" role="alert">
            <span>{errorMessage(error())}</span>
            <button type="button" class="button button-small" onClick={() => props.onRetry()}>
              Try again
            </button>
          </div>
        )}
      </Match>
    </Switch>
  );
}
