// Reads a tasks.md: a tree of checkboxes (`- [x] 2.1 …`), each task with the text it cites
// criteria in (`_Requirements: AUTH-1.1, AUTH-1.2_`). A task's continuation lines belong to it.

export interface Task {
  /** The task's number as written (`2.1`). */
  readonly number: string;
  readonly text: string;
  readonly ticked: boolean;
  readonly line: number;
  readonly children: readonly Task[];
}

const CHECKBOX = /^(\s*)- \[( |x|X)\] (?:(\d+(?:\.\d+)*)\.? )?(.*)$/;

interface MutableTask {
  number: string;
  text: string;
  ticked: boolean;
  line: number;
  indent: number;
  children: MutableTask[];
}

export function parseTasks(text: string): Task[] {
  const roots: MutableTask[] = [];
  const open: MutableTask[] = [];
  text.split('\n').forEach((line, index) => {
    const match = CHECKBOX.exec(line);
    if (!match) {
      const last = open.at(-1);
      const continuation = /^\s+\S/.test(line) && last !== undefined;
      if (continuation) last.text += ` ${line.trim()}`;
      else if (line.trim() !== '' && !/^\s/.test(line)) open.length = 0;
      return;
    }
    const indent = match[1]?.length ?? 0;
    const task: MutableTask = {
      number: match[3] ?? '',
      text: match[4] ?? '',
      ticked: match[2] !== ' ',
      line: index + 1,
      indent,
      children: [],
    };
    while (open.length > 0 && (open.at(-1)?.indent ?? 0) >= indent) open.pop();
    const parent = open.at(-1);
    if (parent) parent.children.push(task);
    else roots.push(task);
    open.push(task);
  });
  return roots;
}

/** Every task of a tree, parents before their children. */
export function allTasks(tasks: readonly Task[]): Task[] {
  return tasks.flatMap((task) => [task, ...allTasks(task.children)]);
}
