// Steering files that cannot drift: tech.md's dependency and script tables against the
// package.json files, structure.md's folders and scripts against the tree.

export interface PackageFile {
  /** `root` for the repository's own package.json, else the workspace folder (`api`, `web`, …). */
  readonly workspace: string;
  readonly json: unknown;
}

export interface SteeringInput {
  readonly techMd: string;
  readonly structureMd: string;
  readonly packages: readonly PackageFile[];
  /** Every file of the tree (tracked or not ignored), as paths relative to the root. */
  readonly files: readonly string[];
}

const PATH_EXTENSIONS = /\.(ts|tsx|js|mjs|json|md|prisma|graphql|sql|toml|css|html|svg|yaml|yml)$/;
const TOKEN = /`([^`\n]+)`/g;

export function steeringProblems(input: SteeringInput): string[] {
  return [...dependencyProblems(input), ...scriptProblems(input), ...structureProblems(input)];
}

function section(markdown: string, heading: string): string {
  const start = markdown.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start === -1) return '';
  const rest = markdown.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  return (end === -1 ? rest : rest.slice(0, end)).join('\n');
}

function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

function record(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || !(key in value)) return {};
  const field: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
  return typeof field === 'object' && field !== null ? Object.fromEntries(Object.entries(field)) : {};
}

function dependencyProblems({ techMd, packages }: SteeringInput): string[] {
  const table = section(techMd, 'Dependencies');
  if (table === '') return ['tech.md has no "## Dependencies" table'];
  const listed = new Map<string, Set<string>>();
  for (const [name = '', where = ''] of tableRows(table)) {
    for (const [, pkg = ''] of name.matchAll(TOKEN)) listed.set(pkg, new Set(where.split(/[\s,]+/).filter(Boolean)));
  }
  const problems: string[] = [];
  const actual = new Map<string, Set<string>>();
  for (const { workspace, json } of packages) {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const pkg of Object.keys(record(json, field))) {
        const workspaces = actual.get(pkg) ?? new Set<string>();
        workspaces.add(workspace);
        actual.set(pkg, workspaces);
      }
    }
  }
  for (const [pkg, workspaces] of actual) {
    const said = listed.get(pkg);
    if (!said) {
      problems.push(`tech.md's dependency table lacks \`${pkg}\` (${[...workspaces].join(', ')})`);
      continue;
    }
    for (const workspace of workspaces) {
      if (!said.has(workspace)) problems.push(`tech.md's dependency table does not say \`${pkg}\` is in ${workspace}`);
    }
    for (const workspace of said) {
      if (!workspaces.has(workspace)) problems.push(`tech.md says \`${pkg}\` is in ${workspace}, but it is not`);
    }
  }
  for (const pkg of listed.keys()) {
    if (!actual.has(pkg)) problems.push(`tech.md lists \`${pkg}\`, which no package.json depends on`);
  }
  return problems;
}

function scriptProblems({ techMd, packages }: SteeringInput): string[] {
  const table = section(techMd, 'Scripts');
  if (table === '') return ['tech.md has no "## Scripts" table'];
  const listed = new Set<string>();
  for (const [first = ''] of tableRows(table)) {
    for (const [, token = ''] of first.matchAll(TOKEN)) {
      const script = /^npm (?:run )?([\w:-]+)/.exec(token)?.[1] ?? /^([\w:-]+)$/.exec(token)?.[1];
      if (script) listed.add(script);
    }
  }
  const root = packages.find((pkg) => pkg.workspace === 'root');
  const scripts = new Set(Object.keys(record(root?.json, 'scripts')));
  const problems: string[] = [];
  for (const script of scripts) {
    if (!listed.has(script)) problems.push(`tech.md's script table lacks \`npm run ${script}\``);
  }
  for (const script of listed) {
    if (!scripts.has(script)) problems.push(`tech.md lists the script \`${script}\`, which package.json does not have`);
  }
  return problems;
}

/** Folders and scripts structure.md must name: its map of the tree. */
export function requiredStructurePaths(files: readonly string[], workspaces: readonly string[]): string[] {
  const required = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    const [top = '', second, third, fourth] = parts;
    if (parts.length === 1) {
      if (!['.gitignore', 'package-lock.json'].includes(top)) required.add(top);
      continue;
    }
    required.add(top);
    if (top === '.ci') required.add(file);
    if (!workspaces.includes(top) || second === undefined) continue;
    if (parts.length > 2) required.add(`${top}/${second}`);
    if (second === 'scripts' && parts.length === 3) required.add(file);
    if (second === 'src' && parts.length > 3 && third !== undefined) {
      required.add(`${top}/src/${third}`);
      if (parts.length > 4 && fourth !== undefined && third !== 'generated')
        required.add(`${top}/src/${third}/${fourth}`);
    }
  }
  return [...required].sort();
}

function structureProblems({ structureMd, files, packages }: SteeringInput): string[] {
  const paths = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('/'));
  }
  const named = new Set<string>();
  const problems: string[] = [];
  let sectionDir = '';
  for (const line of structureMd.split('\n')) {
    if (line.startsWith('## ')) {
      sectionDir = /^## `?([\w.-]+)\/`?\s*$/.exec(line)?.[1] ?? '';
      continue;
    }
    let lineDir = '';
    for (const match of line.matchAll(TOKEN)) {
      const token = match[1] ?? '';
      // "`scripts/`: `seed.ts`, `bench.ts`": a folder followed by a colon is where the rest of the line lies.
      const introducesList = line[match.index + match[0].length] === ':';
      const clean = token.replace(/^\.\//, '').replace(/\/$/, '');
      const pathLike =
        !clean.startsWith('@') &&
        /^[\w.@-]+(\/[\w.@-]+)*$/.test(clean) &&
        (token.includes('/') || PATH_EXTENSIONS.test(clean));
      if (!pathLike) continue;
      const candidates = [clean, sectionDir && `${sectionDir}/${clean}`, lineDir && `${lineDir}/${clean}`].filter(
        (candidate) => candidate !== '',
      );
      const found = candidates.filter((candidate) => paths.has(candidate));
      if (found.length === 0) problems.push(`structure.md names \`${token}\`, which is not in the tree`);
      for (const path of found) {
        // Naming a path names the folders it lies in.
        const parts = path.split('/');
        for (let i = 1; i <= parts.length; i++) named.add(parts.slice(0, i).join('/'));
      }
      if (introducesList && token.endsWith('/') && found[0] !== undefined) lineDir = found[0];
    }
  }
  const workspaces = packages.map((pkg) => pkg.workspace).filter((workspace) => workspace !== 'root');
  for (const path of requiredStructurePaths(files, workspaces)) {
    if (!named.has(path)) problems.push(`structure.md does not name ${path}`);
  }
  return problems;
}
