// A task's history as sentences: "Ada changed state from Todo to In Progress · 2 min ago".
import { priorityLabels } from './priority.ts';

export interface ActivityEntry {
  readonly kind: 'CREATED' | 'CHANGED';
  readonly field: string | null;
  /** The old and new values as JSON: `{ id, name }` for state and assignee, label names, or plain values. */
  readonly from: string | null;
  readonly to: string | null;
  readonly actor: { readonly name: string } | null;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function display(field: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (isRecord(value) && typeof value.name === 'string') return value.name;
  if (field === 'priority' && typeof value === 'string') return priorityLabels[value] ?? value;
  if (field === 'dueDate' && typeof value === 'string') return formatDueDate(value);
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const list = new Intl.ListFormat('en', { type: 'conjunction' });
const fieldNames: Readonly<Record<string, string>> = { dueDate: 'due date' };

function labelsSentence(from: unknown, to: unknown): string {
  const before = names(from);
  const after = names(to);
  const added = after.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !after.includes(name));
  const parts = [
    added.length > 0 ? `added ${added.length === 1 ? 'label' : 'labels'} ${list.format(added)}` : '',
    removed.length > 0 ? `removed ${removed.length === 1 ? 'label' : 'labels'} ${list.format(removed)}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : 'changed the labels';
}

/** What happened, starting with who did it. */
export function activitySentence(entry: ActivityEntry): string {
  const actor = entry.actor?.name ?? 'Someone';
  if (entry.kind === 'CREATED') return `${actor} created the task`;
  const field = entry.field ?? 'the task';
  const from = parse(entry.from);
  const to = parse(entry.to);
  if (field === 'labels') return `${actor} ${labelsSentence(from, to)}`;
  if (field === 'description') return `${actor} ${to ? 'edited' : 'removed'} the description`;
  const name = fieldNames[field] ?? field;
  const before = display(field, from);
  const after = display(field, to);
  if (field === 'assignee') {
    if (!after) return `${actor} unassigned ${before ?? 'the task'}`;
    return before ? `${actor} reassigned the task from ${before} to ${after}` : `${actor} assigned ${after}`;
  }
  if (!after) return `${actor} removed the ${name}${before ? ` ${before}` : ''}`;
  if (!before) return `${actor} set the ${name} to ${after}`;
  return `${actor} changed ${name} from ${before} to ${after}`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const steps: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "2 min. ago", "yesterday", "3 wk. ago": how long before `now` the moment was. */
export function timeAgo(moment: string, now: Date = new Date()): string {
  let amount = (new Date(moment).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) return unit === 'second' ? 'just now' : relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return relative.format(Math.round(amount), 'year');
}

const dueDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date (`YYYY-MM-DD`) as people read it; the date is the same wherever the reader is. */
export function formatDueDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : dueDate.format(parsed);
}
