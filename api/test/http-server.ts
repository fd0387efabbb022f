// The real app listening on a free port of 127.0.0.1, for clients that need a socket (load generators).
import { serve } from '@hono/node-server';
import type { App } from '../src/app.ts';

export interface RunningServer {
  url: string;
  /** Stops listening, and resolves once every request received is handled. */
  close(): Promise<void>;
}

export function listen(app: Pick<App, 'fetch'>): Promise<RunningServer> {
  const handling = new Set<Promise<Response>>();
  const fetch: App['fetch'] = (request, ...rest) => {
    // Detached from the client's connection: a request whose client hangs up (a load generator does when its time
    // is up) is still handled to the end, so that close() can wait for it instead of leaving it to a closed database.
    const response = Promise.resolve(app.fetch(new Request(request, { signal: null }), ...rest));
    handling.add(response);
    const done = () => {
      handling.delete(response);
    };
    response.then(done, done);
    return response;
  };
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        async close() {
          await new Promise<void>((closed, failed) => {
            server.close((error) => (error ? failed(error) : closed()));
          });
          await Promise.allSettled(handling);
        },
      });
    });
    server.once('error', reject);
  });
}
