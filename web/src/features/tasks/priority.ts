// Task priorities as the web app shows them, most urgent first.
import type { graphql } from '../../graphql.ts';

export type TaskPriority = ReturnType<typeof graphql.scalar<'TaskPriority'>>;

export const priorities = ['URGENT', 'HIGH', 'MEDIUM', 'LOW', 'NONE'] as const satisfies readonly TaskPriority[];

export const priorityLabels: Readonly<Record<string, string>> & Readonly<Record<TaskPriority, string>> = {
  URGENT: 'Urgent',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  NONE: 'No priority',
};

export function parsePriority(value: string): TaskPriority | undefined {
  return priorities.find((priority) => priority === value);
}
