// What the demo workspace's tasks look like: titles, priorities, states, dates. Pure and seeded,
// so every `npm run seed` writes the same content and benchmark numbers stay comparable.
import { TaskPriority } from '../src/generated/prisma/enums.ts';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** An index of `weights`, each chosen in proportion to its weight. */
  weighted(weights: readonly number[]): number;
}

/** A small seeded generator (mulberry32): reproducible content, not security. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted(weights) {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let roll = next() * total;
      for (const [index, weight] of weights.entries()) {
        roll -= weight;
        if (roll < 0) return index;
      }
      return weights.length - 1;
    },
  };
}

export const TEAMMATES = [
  { name: 'Ada Lovelace', email: 'ada@yello.test', role: 'ADMIN' },
  { name: 'Grace Hopper', email: 'grace@yello.test', role: 'MEMBER' },
  { name: 'Alan Turing', email: 'alan@yello.test', role: 'MEMBER' },
  { name: 'Katherine Johnson', email: 'katherine@yello.test', role: 'MEMBER' },
  { name: 'Edsger Dijkstra', email: 'edsger@yello.test', role: 'MEMBER' },
  { name: 'Barbara Liskov', email: 'barbara@yello.test', role: 'MEMBER' },
  { name: 'Linus Pauling', email: 'linus@yello.test', role: 'VIEWER' },
] as const;

export const LABELS = [
  { name: 'bug', color: '#EF4444' },
  { name: 'feature', color: '#3B82F6' },
  { name: 'design', color: '#A855F7' },
  { name: 'docs', color: '#14B8A6' },
  { name: 'performance', color: '#F59E0B' },
  { name: 'security', color: '#DC2626' },
  { name: 'tech debt', color: '#71717A' },
  { name: 'good first issue', color: '#22C55E' },
] as const;

const VERBS = ['Fix', 'Add', 'Improve', 'Refactor', 'Document', 'Test', 'Speed up', 'Redesign', 'Remove', 'Review'];
const SUBJECTS = [
  'login form',
  'board drag and drop',
  'task filters',
  'label picker',
  'comment editor',
  'invitation emails',
  'workspace settings',
  'CSV export',
  'search results',
  'session list',
  'due date reminders',
  'activity history',
  'keyboard shortcuts',
  'dark mode',
  'project archive',
  'rate limiting',
  'error messages',
  'onboarding tour',
  'API tokens',
  'webhook retries',
];
const DETAILS = ['on mobile', 'for admins', 'in Safari', 'after sign-in', 'with many tasks', 'for viewers', '', '', ''];
const SENTENCES = [
  'Reported by a customer last week.',
  'Steps to reproduce are in the linked thread.',
  'Keep the existing behaviour for integrators.',
  'This blocks the next release.',
  'Measure before and after.',
  'The design is in the shared folder.',
  'Needs a test that names the acceptance criterion.',
];
export const COMMENTS = [
  'I can take this one.',
  'Looks good to me.',
  'Could we split this into two tasks?',
  'Pushed a first version, feedback welcome.',
  'This needs a decision from design.',
  'Reproduced on the latest build.',
  'Moving this to next week.',
];

const PRIORITIES = [TaskPriority.NONE, TaskPriority.LOW, TaskPriority.MEDIUM, TaskPriority.HIGH, TaskPriority.URGENT];
const PRIORITY_WEIGHTS = [30, 20, 25, 17, 8];
/** Share of tasks per default state: Backlog, Todo, In Progress, Done, Canceled. */
export const STATE_WEIGHTS = [20, 25, 15, 35, 5];
/** Index of Todo in the default states: where a task lands when created without a state. */
export const CREATED_STATE_INDEX = 1;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TaskDraft {
  number: number;
  title: string;
  description: string;
  priority: TaskPriority;
  stateIndex: number;
  createdAt: Date;
  /** When it left the state it was created in (and stopped changing). */
  movedAt: Date;
  /** A calendar date (midnight UTC), or null. */
  dueDate: Date | null;
  labelCount: number;
  commentCount: number;
}

/** `count` tasks created over the `days` days before `now`, in number order. */
export function draftTasks(random: Random, count: number, now: Date, days = 120): TaskDraft[] {
  const start = now.getTime() - days * DAY_MS;
  return Array.from({ length: count }, (_, index) => {
    const createdAt = new Date(start + ((index + random.next()) / count) * days * DAY_MS);
    const movedAt = new Date(createdAt.getTime() + random.next() * (now.getTime() - createdAt.getTime()));
    const detail = random.pick(DETAILS);
    const due = random.next() < 0.4 ? new Date(createdAt.getTime() + random.int(60) * DAY_MS) : null;
    return {
      number: index + 1,
      title: `${random.pick(VERBS)} ${random.pick(SUBJECTS)}${detail ? ` ${detail}` : ''}`,
      description: random.next() < 0.3 ? '' : `${random.pick(SENTENCES)} ${random.pick(SENTENCES)}`,
      priority: PRIORITIES[random.weighted(PRIORITY_WEIGHTS)] ?? TaskPriority.NONE,
      stateIndex: random.weighted(STATE_WEIGHTS),
      createdAt,
      movedAt,
      dueDate: due ? new Date(due.toISOString().slice(0, 10)) : null,
      labelCount: random.weighted([45, 35, 15, 5]),
      commentCount: random.next() < 0.3 ? 1 + random.int(4) : 0,
    };
  });
}
