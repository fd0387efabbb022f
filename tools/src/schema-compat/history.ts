// Reads schema.graphql's versions from git: the one the working tree is compared with, and those
// in which a deprecation's text came or went.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isShallow } from '../git.ts';

export const SCHEMA_FILE = 'schema.graphql';

export interface CommittedVersion {
  readonly commit: string;
  readonly committedAt: Date;
  readonly text: string;
}

export type PreviousVersion =
  | { readonly found: true; readonly version: CommittedVersion }
  | { readonly found: false; readonly reason: string };

export function readCurrentSchema(root: string): Promise<string> {
  return readFile(join(root, SCHEMA_FILE), 'utf8');
}

/** Commits (hash and commit time) of `git log <args> -- schema.graphql`, in git's order. */
async function schemaCommits(root: string, args: readonly string[]): Promise<{ commit: string; committedAt: Date }[]> {
  const log = await git(root, ['log', '--format=%H%x09%cI', ...args, '--', SCHEMA_FILE]);
  return (log ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit = '', date = ''] = line.split('\t');
      return { commit, committedAt: new Date(date) };
    });
}

async function versionAt(root: string, commit: string): Promise<string | undefined> {
  return git(root, ['show', `${commit}:${SCHEMA_FILE}`]);
}

/**
 * The version to compare the working tree with: the newest committed version of schema.graphql
 * that differs from it. That is HEAD's when the working tree changed the file; when HEAD's commit
 * changed it, the one before among the commits that touched it; otherwise the version before the
 * last change, so a commit that leaves the schema alone checks the last change again.
 */
export async function previousVersion(root: string, current: string): Promise<PreviousVersion> {
  const shallow = await isShallow(root);
  if (shallow === undefined) return { found: false, reason: `${root} is not a git checkout` };
  const commits = await schemaCommits(root, []);
  for (const { commit, committedAt } of commits) {
    const text = await versionAt(root, commit);
    if (text !== undefined && text !== current) return { found: true, version: { commit, committedAt, text } };
  }
  if (shallow) {
    return {
      found: false,
      reason: `this is a shallow clone and the history it holds has no earlier version of ${SCHEMA_FILE} (git fetch --unshallow brings it)`,
    };
  }
  return {
    found: false,
    reason:
      commits.length === 0
        ? `no commit holds ${SCHEMA_FILE} yet`
        : `${SCHEMA_FILE} has no earlier version: every commit that touched it (${commits.length}) holds the current text`,
  };
}

/** Versions committed up to `from` in which the count of `needle` in schema.graphql changed, oldest first. */
export async function versionsMentioning(root: string, needle: string, from: string): Promise<CommittedVersion[]> {
  const versions: CommittedVersion[] = [];
  for (const { commit, committedAt } of await schemaCommits(root, ['--reverse', `-S${needle}`, from])) {
    const text = await versionAt(root, commit);
    if (text !== undefined) versions.push({ commit, committedAt, text });
  }
  return versions;
}
