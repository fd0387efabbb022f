// "Show more" under a paged list: fetches the page after the last one shown; the cache merges it into the list.
import type { CombinedError } from '@urql/core';
import { type JSX, Show } from 'solid-js';
import { createFormSubmission } from '../lib/form.ts';
import { FormError } from './FormError.tsx';
import { SubmitButton } from './SubmitButton.tsx';

interface ShowMoreProps {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  /** Fetches the page after `cursor`. */
  load(cursor: string): Promise<{ readonly error?: CombinedError | undefined }>;
}

export function ShowMore(props: ShowMoreProps): JSX.Element {
  const form = createFormSubmission({
    fields: [],
    send: () => {
      const cursor = props.pageInfo.endCursor;
      return cursor ? props.load(cursor) : Promise.resolve({});
    },
  });
  return (
    <Show when={props.pageInfo.hasNextPage}>
      <form class="show-more" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <SubmitButton secondary busy={form.busy()} busyLabel="Loading…">
          Show more
        </SubmitButton>
      </form>
    </Show>
  );
}
