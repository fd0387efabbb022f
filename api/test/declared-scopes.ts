// The scopes a type or field was declared with, read from the built schema, where Pothos keeps the options of each
// in `extensions.pothosOptions`. The scope declarations test (WS-5.1) and the role-restricted fields test (WS-5.9)
// share it.

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

type ScopeFunction = (...args: unknown[]) => unknown;
export const isScopeFunction = (value: unknown): value is ScopeFunction => typeof value === 'function';

/** The `authScopes` a type or field was declared with; undefined when it has none. */
export function declaredScopes(extensions: Readonly<Record<string, unknown>> | null | undefined): unknown {
  const options = extensions?.pothosOptions;
  return isRecord(options) ? options.authScopes : undefined;
}

/**
 * A stand-in for anything a scope function reads (the parent object, the arguments, the context): each property is
 * another stand-in, and calling one (a service's look-up) resolves to a stand-in. It is never a promise itself.
 */
function probe(): unknown {
  return new Proxy(() => undefined, {
    get: (_target, property) => {
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => 'probe';
      return probe();
    },
    apply: () => Promise.resolve(probe()),
  });
}

/** The names of the scopes in a scope map, looking inside `$any` and `$all`. */
function scopeNames(scopes: unknown): string[] {
  if (!isRecord(scopes)) return [];
  return Object.entries(scopes).flatMap(([name, value]) =>
    name === '$any' || name === '$all' ? scopeNames(value) : [name],
  );
}

/** What a declaration asks for: the scope names of a static map, or of what a scope function returns. */
export async function scopesAskedFor(declared: unknown): Promise<string[]> {
  if (!isScopeFunction(declared)) return scopeNames(declared);
  return scopeNames(await declared(probe(), probe(), probe(), probe()));
}
