// A stand-in for the Yello API behind `fetch`, for tests of the real app client (cache, exchanges) in jsdom; with a
// `FakeEventStream`, it also serves subscriptions as the API does: Server-Sent Events, one response per subscription.

export interface FakeApi {
  readonly fetch: typeof fetch;
  /** The operation names received, in order. */
  readonly requests: string[];
}

interface GraphQLRequestBody {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** A subscription request as the server received it. */
export interface StreamRequest {
  readonly variables: Record<string, unknown>;
  readonly authorization: string | null;
}

/** The server's side of the subscription streams: what the test sends on the one open, and how it ends. */
export interface FakeEventStream {
  /** Every subscription request received, in order (retries included). */
  readonly requests: StreamRequest[];
  /** Whether a stream is open. */
  isOpen(): boolean;
  /** Sends `data` on the open stream, as one `next` event. */
  send(data: unknown): void;
  /** Ends the open stream as the server does (e.g. when the access token expires). */
  complete(): void;
  /** Cuts the open stream, as a lost connection does. */
  cut(): void;
  /** While the server is unreachable, connections fail. */
  setReachable(reachable: boolean): void;
  /** Answers one subscription request (called by `fakeApi`). */
  respond(body: GraphQLRequestBody, headers: Headers, signal: AbortSignal | null | undefined): Response;
}

const encoder = new TextEncoder();

export function fakeEventStream(): FakeEventStream {
  const requests: StreamRequest[] = [];
  let open: ReadableStreamDefaultController<Uint8Array> | undefined;
  let reachable = true;
  const write = (text: string) => open?.enqueue(encoder.encode(text));
  const end = (how: (controller: ReadableStreamDefaultController<Uint8Array>) => void) => {
    const controller = open;
    open = undefined;
    if (controller) how(controller);
  };
  return {
    requests,
    isOpen: () => open !== undefined,
    send: (data) => write(`event: next\ndata: ${JSON.stringify({ data })}\n\n`),
    complete() {
      write('event: complete\ndata:\n\n');
      end((controller) => controller.close());
    },
    cut: () => end((controller) => controller.error(new TypeError('network error'))),
    setReachable(value) {
      reachable = value;
    },
    respond(body, headers, signal) {
      if (!reachable) throw new TypeError('Failed to fetch');
      requests.push({ variables: body.variables ?? {}, authorization: headers.get('authorization') });
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          open = controller;
          // The server's first keep-alive comment.
          controller.enqueue(encoder.encode(':\n\n'));
        },
      });
      signal?.addEventListener('abort', () => {
        if (open) end((controller) => controller.close());
      });
      return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
    },
  };
}

/** A field error as the API reports it in `extensions.fieldErrors`: the input path, e.g. `['input', 'name']`. */
export interface FakeFieldError {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * An answer refusing the operation as the API does: no data, one error with its `extensions.code`, and the field
 * errors of invalid input (BAD_USER_INPUT) when given.
 */
export class Refusal {
  readonly message: string;
  readonly code: string;
  readonly fieldErrors: readonly FakeFieldError[] | undefined;

  constructor(message: string, code: string, fieldErrors?: readonly FakeFieldError[]) {
    this.message = message;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get extensions(): Record<string, unknown> {
    return this.fieldErrors ? { code: this.code, fieldErrors: this.fieldErrors } : { code: this.code };
  }
}

/**
 * Answers each request with `{ data: answer(operationName, variables) }`, or with the errors of a `Refusal`. An
 * answer may be a promise, so a test can hold the server's answer back and look at the page meanwhile. Subscriptions
 * go to `events` (refused as by a network failure without it).
 */
export function fakeApi(
  answer: (operationName: string, variables: Record<string, unknown>) => unknown | Promise<unknown>,
  events?: FakeEventStream,
): FakeApi {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const body: GraphQLRequestBody = JSON.parse(String(init?.body));
    const headers = new Headers(init?.headers);
    if (headers.get('accept') === 'text/event-stream') {
      if (!events) throw new TypeError('The fake API serves no subscriptions.');
      return events.respond(body, headers, init?.signal);
    }
    const operationName = body.operationName ?? '';
    requests.push(operationName);
    const answered = await answer(operationName, body.variables ?? {});
    const result =
      answered instanceof Refusal
        ? { data: null, errors: [{ message: answered.message, extensions: answered.extensions }] }
        : { data: answered };
    return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}
