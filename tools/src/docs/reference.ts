// The API reference: schema.graphql rendered into Markdown pages by GraphQL-Markdown (offline, from the file), one
// page per operation and per type, with page-relative `.md` links (its MkDocs formatter) so the pages read on GitHub
// too, and a README.md listing them.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { buildConfig, generateDocFromSchema } from '@graphql-markdown/core';

/** Where `npm run docs` writes, relative to the repository's root. */
export const REFERENCE_DIR = join('docs', 'reference');
export const SCHEMA_FILE = 'schema.graphql';

/** The folders GraphQL-Markdown writes, in the order the index lists them, with their headings. */
const SECTIONS = [
  ['operations/queries', 'Queries'],
  ['operations/mutations', 'Mutations'],
  ['operations/subscriptions', 'Subscriptions'],
  ['operations/directives', 'Directives in operations'],
  ['types/objects', 'Objects'],
  ['types/interfaces', 'Interfaces'],
  ['types/unions', 'Unions'],
  ['types/inputs', 'Input types'],
  ['types/enums', 'Enums'],
  ['types/scalars', 'Scalars'],
  ['types/directives', 'Directives in the schema'],
] as const;

type Loaders = NonNullable<NonNullable<Parameters<typeof buildConfig>[0]>['loaders']>;
// A cast because GraphQL-Markdown types loader and package names as opaque strings it offers no way to make; this is
// the value its documentation gives (`loaders: { GraphQLFileLoader: "@graphql-tools/graphql-file-loader" }`).
const FILE_LOADER = { GraphQLFileLoader: '@graphql-tools/graphql-file-loader' } as Loaders;

export interface ReferencePage {
  /** Path relative to the reference's folder, with `/` separators (`types/objects/task.md`). */
  path: string;
  /** The page's title: the operation's or the type's name. */
  title: string;
}

/** Writes the reference of `schemaFile` into `outputDir`, replacing whatever was there. */
export async function buildReference(schemaFile: string, outputDir: string): Promise<void> {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  const options = await buildConfig(
    {
      schema: schemaFile,
      rootPath: dirname(outputDir),
      baseURL: basename(outputDir),
      formatter: '@graphql-markdown/formatters/mkdocs',
      loaders: FILE_LOADER,
      // The index is ours (README.md below): GraphQL-Markdown's own homepage is a Docusaurus page.
      homepage: false,
      // No `{#id}` after headings: GitHub would print it.
      docOptions: { sectionHeaderId: false },
      // No schema diff (it would need @graphql-markdown/diff and a cache): every run writes every page.
      diffMethod: 'NONE',
    },
    {},
    // No project id: the options are all here, so GraphQL-Markdown looks for no graphql-config file.
    null,
  );
  await generateDocFromSchema(options);
  await writeFile(join(outputDir, 'README.md'), referenceIndex(await referencePages(outputDir)));
}

/** Every page of the reference in `outputDir` except its index, sorted by path. */
export async function referencePages(outputDir: string): Promise<ReferencePage[]> {
  const files = await readdir(outputDir, { recursive: true, withFileTypes: true });
  const pages: ReferencePage[] = [];
  for (const file of files) {
    if (!file.isFile() || !file.name.endsWith('.md')) continue;
    const path = relative(outputDir, join(file.parentPath, file.name)).split(sep).join('/');
    if (path === 'README.md') continue;
    const firstLine = (await readFile(join(outputDir, path), 'utf8')).split('\n', 1)[0] ?? '';
    pages.push({ path, title: firstLine.replace(/^# /, '') });
  }
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** README.md of the reference: its pages by kind, each linked. */
export function referenceIndex(pages: readonly ReferencePage[]): string {
  const lines = [
    '# Yello GraphQL API reference',
    '',
    `Generated from \`${SCHEMA_FILE}\` by \`npm run docs\`: do not edit these pages, edit the schema's descriptions.`,
    'The guide for integrators (tokens, pagination, live events, errors) is [../guide.md](../guide.md).',
  ];
  for (const [folder, heading] of SECTIONS) {
    const inSection = pages
      .filter((page) => dirname(page.path) === folder)
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    if (inSection.length === 0) continue;
    lines.push('', `## ${heading}`, '');
    const prefix = folder.endsWith('directives') ? '@' : '';
    for (const page of inSection) lines.push(`- [\`${prefix}${page.title}\`](${page.path})`);
  }
  const listed = new Set<string>(SECTIONS.map(([folder]) => folder));
  const unlisted = pages.filter((page) => !listed.has(dirname(page.path)));
  if (unlisted.length > 0) {
    throw new Error(`Pages in folders the index does not know: ${unlisted.map((page) => page.path).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
