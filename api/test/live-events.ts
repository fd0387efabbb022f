// Subscriptions in tests: the graphql-sse client (distinct connections, as the web app uses it) over the app's own
// fetch or a real URL, with a stream that collects what arrives and says when it completed.
import { createClient, type ExecutionResult } from 'graphql-sse';

export interface LiveStream<TData = Record<string, unknown>> {
  /** Results received so far, in order. */
  readonly results: ExecutionResult<TData>[];
  /** Waits until at least `count` results arrived (fails after `timeoutMs`), and returns them all. */
  take(count: number, timeoutMs?: number): Promise<ExecutionResult<TData>[]>;
  /** Resolves when the server completed the stream (or it failed), with the error if any. */
  readonly ended: Promise<unknown>;
  /** Whether the stream has ended. */
  isEnded(): boolean;
  close(): void;
}

export interface LiveOptions {
  url: string;
  token: string;
  fetchFn?: typeof fetch | undefined;
}

export function subscribe<TData = Record<string, unknown>>(
  { url, token, fetchFn }: LiveOptions,
  query: string,
  variables: Record<string, unknown> = {},
): LiveStream<TData> {
  const client = createClient({
    url,
    retryAttempts: 0,
    headers: { authorization: `Bearer ${token}` },
    ...(fetchFn ? { fetchFn } : {}),
  });
  const results: ExecutionResult<TData>[] = [];
  const waiters = new Set<() => void>();
  let done = false;
  let endWith: (error: unknown) => void = () => {};
  const ended = new Promise<unknown>((resolve) => {
    endWith = resolve;
  });
  const dispose = client.subscribe<TData, Record<string, unknown>>(
    { query, variables },
    {
      next: (result) => {
        results.push(result);
        for (const wake of waiters) wake();
      },
      error: (error) => {
        done = true;
        endWith(error);
        for (const wake of waiters) wake();
      },
      complete: () => {
        done = true;
        endWith(undefined);
        for (const wake of waiters) wake();
      },
    },
  );
  return {
    results,
    ended,
    isEnded: () => done,
    async take(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count) {
        if (done) throw new Error(`The stream ended after ${results.length} of ${count} results.`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Only ${results.length} of ${count} results after ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
      return results.slice();
    },
    close() {
      dispose();
      client.dispose();
    },
  };
}
