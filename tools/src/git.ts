// Git for the repository tools: a command's output, or undefined when git fails (outside a checkout,
// an unknown revision, a path missing from a commit).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function git(root: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', root, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

/** Whether the checkout is a shallow clone; undefined outside git. */
export async function isShallow(root: string): Promise<boolean | undefined> {
  const answer = (await git(root, ['rev-parse', '--is-shallow-repository']))?.trim();
  return answer === undefined ? undefined : answer === 'true';
}
