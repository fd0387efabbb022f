// A stand-in for the Yello API behind `fetch`, for tests of the real app client (cache, exchanges) in jsdom.

export interface FakeApi {
  readonly fetch: typeof fetch;
  /** The operation names received, in order. */
  readonly requests: string[];
}

interface GraphQLRequestBody {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** An answer refusing the operation as the API does: no data, one error with its `extensions.code`. */
export class Refusal {
  readonly message: string;
  readonly code: string;

  constructor(message: string, code: string) {
    this.message = message;
    this.code = code;
  }
}

/**
 * Answers each request with `{ data: answer(operationName, variables) }`, or with the errors of a `Refusal`. An
 * answer may be a promise, so a test can hold the server's answer back and look at the page meanwhile.
 */
export function fakeApi(
  answer: (operationName: string, variables: Record<string, unknown>) => unknown | Promise<unknown>,
): FakeApi {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const body: GraphQLRequestBody = JSON.parse(String(init?.body));
    const operationName = body.operationName ?? '';
    requests.push(operationName);
    const answered = await answer(operationName, body.variables ?? {});
    const result =
      answered instanceof Refusal
        ? { data: null, errors: [{ message: answered.message, extensions: { code: answered.code } }] }
        : { data: answered };
    return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}
