// Reads what the spec check judges from a checkout: the specs and their git history, the test
// reports, the steering files, the package.json files and the tree.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isShallow } from '../git.ts';
import type { CheckInput, SpecFolder, SpecVersion } from './check.ts';
import { readReports } from './reports.ts';
import type { PackageFile } from './steering.ts';

/** Earlier committed versions of a file, newest first; none outside git or in a shallow clone. */
async function history(root: string, path: string): Promise<SpecVersion[]> {
  if ((await isShallow(root)) !== false) return [];
  const commits = (await git(root, ['log', '--format=%h', '--', path]))?.split('\n').filter(Boolean) ?? [];
  const versions: SpecVersion[] = [];
  for (const commit of commits) {
    const text = await git(root, ['show', `${commit}:${path}`]);
    if (text !== undefined) versions.push({ commit, requirements: text });
  }
  return versions;
}

export async function readSpecs(root: string): Promise<SpecFolder[]> {
  const specsDir = join(root, '.kiro', 'specs');
  const entries = await readdir(specsDir, { withFileTypes: true });
  const folders: SpecFolder[] = [];
  for (const entry of entries.filter((item) => item.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const read = (file: string) => readFile(join(specsDir, entry.name, file), 'utf8').catch(() => '');
    folders.push({
      name: entry.name,
      requirements: await read('requirements.md'),
      design: await read('design.md'),
      tasks: await read('tasks.md'),
      history: await history(root, `.kiro/specs/${entry.name}/requirements.md`),
    });
  }
  return folders;
}

async function readPackages(root: string): Promise<PackageFile[]> {
  const rootJson: unknown = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const workspaces =
    typeof rootJson === 'object' && rootJson !== null && 'workspaces' in rootJson && Array.isArray(rootJson.workspaces)
      ? rootJson.workspaces.filter((workspace): workspace is string => typeof workspace === 'string')
      : [];
  const packages: PackageFile[] = [{ workspace: 'root', json: rootJson }];
  for (const workspace of workspaces) {
    packages.push({ workspace, json: JSON.parse(await readFile(join(root, workspace, 'package.json'), 'utf8')) });
  }
  return packages;
}

async function treeFiles(root: string): Promise<string[]> {
  const listing = await git(root, ['ls-files', '--cached', '--others', '--exclude-standard']);
  if (listing === undefined) throw new Error('The spec check reads the tree through git; run it inside the checkout.');
  const files = listing.split('\n').filter(Boolean);
  // Deleted but not yet committed files are still in the index: keep only what exists.
  const deleted = new Set((await git(root, ['ls-files', '--deleted']))?.split('\n').filter(Boolean) ?? []);
  return files.filter((file) => !deleted.has(file));
}

export async function readCheckInput(root: string, reportDir: string): Promise<CheckInput> {
  const steeringDir = join(root, '.kiro', 'steering');
  return {
    specs: await readSpecs(root),
    reports: await readReports(reportDir, root),
    steering: {
      techMd: await readFile(join(steeringDir, 'tech.md'), 'utf8'),
      structureMd: await readFile(join(steeringDir, 'structure.md'), 'utf8'),
      packages: await readPackages(root),
      files: await treeFiles(root),
    },
  };
}
