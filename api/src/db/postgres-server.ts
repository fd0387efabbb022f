/** A PostgreSQL server the API can connect to: a real one, or an embedded PGlite it started. */
export interface PostgresServer {
  connectionString: string;
  /** How many connections a client may open at once. */
  poolSize: number;
  stop(): Promise<void>;
}

/** A real PostgreSQL server reached at `url`; Yello does not own it, so stopping does nothing. */
export function externalPostgres(url: string): PostgresServer {
  return { connectionString: url, poolSize: 10, stop: async () => {} };
}
