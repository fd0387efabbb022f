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

/** Answers each request with `{ data: answer(operationName, variables) }`. */
export function fakeApi(answer: (operationName: string, variables: Record<string, unknown>) => unknown): FakeApi {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const body: GraphQLRequestBody = JSON.parse(String(init?.body));
    const operationName = body.operationName ?? '';
    requests.push(operationName);
    return new Response(JSON.stringify({ data: answer(operationName, body.variables ?? {}) }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requests };
}
