// The GraphQL documents the web app sends, read from its sources: the web suite checks them against the schema,
// the API suite against the server's query limits.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DocumentNode, type FragmentDefinitionNode, Kind, parse, visit } from 'graphql';

const sourceDir = join(import.meta.dirname, '../src');

/** The text of every `graphql(`…`)` call in web/src, outside tests. */
export async function documentSources(): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  const sources = await Promise.all(files.map(async (file) => ({ file, code: await readFile(file, 'utf8') })));
  return sources.flatMap(({ file, code }) =>
    [...code.matchAll(/graphql\(\s*`([^`]*)`/g)].map((match) => ({ file, text: match[1] ?? '' })),
  );
}

/** A selection set with `__typename`, which the normalised cache adds to every one it sends. */
function withTypename(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(selectionSet, _key, parent) {
        const isRoot = parent !== undefined && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION;
        const hasTypename = selectionSet.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename',
        );
        if (isRoot || hasTypename) return undefined;
        return {
          ...selectionSet,
          selections: [
            ...selectionSet.selections,
            { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
          ],
        };
      },
    },
  });
}

/** Every operation of the web app as the client sends it: with the fragments it uses, directly or not. */
export async function webOperations(): Promise<{ name: string; document: DocumentNode }[]> {
  const combined = parse((await documentSources()).map((source) => source.text).join('\n'));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of combined.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const used = (node: DocumentNode['definitions'][number], seen = new Set<string>()): Set<string> => {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || seen.has(spread.name.value)) return;
        seen.add(spread.name.value);
        used(fragment, seen);
      },
    });
    return seen;
  };
  return combined.definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    const needed = [...used(definition)].flatMap((name) => fragments.get(name) ?? []);
    return [
      {
        name: definition.name?.value ?? '(anonymous)',
        document: withTypename({ kind: Kind.DOCUMENT, definitions: [definition, ...needed] }),
      },
    ];
  });
}
