// Fills the demo workspace (slug `demo`) with teammates, labels, projects and their tasks with comments and
// history: what `npm run seed` runs, and what tests run on a small scale. Projects come from the project service
// (default workflow states); tasks are written in bulk, with what the task service would have written: per-project
// numbers and taskCounter, fractional positions, a CREATED activity row per task and a `state` change for those no
// longer in Todo. Everything it needs is passed in: the database, the clock, the hasher, where to report.

import { randomBytes } from 'node:crypto';
import { Presets, SingleBar } from 'cli-progress';
import type { Db } from '../src/db/database.ts';
import type { Prisma, WorkflowState } from '../src/generated/prisma/client.ts';
import { WorkspaceRole } from '../src/generated/prisma/enums.ts';
import type { PasswordHasher } from '../src/modules/accounts/password-hasher.ts';
import { type AuditLog, createAuditLog, systemAuditSource } from '../src/modules/audit/audit-log.ts';
import { createLocalEventBus } from '../src/modules/events/event-bus.ts';
import { createEventLog, type EventLog } from '../src/modules/events/event-log.ts';
import { createProjectService } from '../src/modules/projects/projects.ts';
import { closedCategories } from '../src/modules/tasks/tasks.ts';
import { createWorkspaceService } from '../src/modules/workspaces/workspaces.ts';
import type { Clock } from '../src/shared/clock.ts';
import { initialPositions } from '../src/shared/ordering.ts';
import {
  DEMO_EMAIL,
  DEMO_NAME,
  DEMO_PASSWORD_VARIABLE,
  DEMO_PROJECTS,
  DEMO_WORKSPACE,
  type DemoProject,
} from './demo-workspace.ts';
import {
  COMMENTS,
  CREATED_STATE_INDEX,
  draftTasks,
  LABELS,
  type Random,
  seededRandom,
  type TaskDraft,
  TEAMMATES,
} from './seed-data.ts';

const BATCH = 250;

export interface SeedDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
}

/** The event log of seeding: its events are logged like any others, and published to no one (nobody listens yet). */
/** The audit log of seeding's services: what they change is recorded like every other change, with no actor (the system). */
export function seedingAudit({ clock }: SeedDeps): AuditLog {
  return createAuditLog({ clock });
}

export function seedingEvents({ db, clock }: SeedDeps): EventLog {
  return createEventLog({
    db,
    clock,
    bus: createLocalEventBus((error) => {
      throw error;
    }),
  });
}

export interface SeedOptions {
  /** The demo user's password. */
  password: string;
  /** Delete an existing demo workspace and seed it again (otherwise an existing one is left alone). */
  reset?: boolean | undefined;
  /** The projects and their numbers of tasks: the README's demo (5 projects, 4,500 tasks) when absent. */
  projects?: readonly DemoProject[] | undefined;
  /** Where the server answers, for the sign-in instructions. */
  signInUrl: string;
  /** The database, as the report names it. */
  databaseName: string;
}

export interface SeedOutput {
  /** Prints one line of the report. */
  log(line: string): void;
  /** Where the progress bar goes: redrawn in place on a terminal, a line every few seconds elsewhere. */
  progress: NodeJS.WritableStream;
}

export type SeedOutcome = { seeded: false } | { seeded: true; people: number; projects: number; tasks: number };

export interface Member {
  id: string;
  name: string;
  role: WorkspaceRole;
}

/** The demo user and teammates, created or (when they exist) given fresh passwords. */
async function upsertUsers({ db, hasher }: SeedDeps, password: string): Promise<Member[]> {
  const people = [{ name: DEMO_NAME, email: DEMO_EMAIL, role: WorkspaceRole.OWNER }, ...TEAMMATES];
  // Teammates get a random password nobody knows: they exist to be assigned and to comment.
  const hashes = await Promise.all(
    people.map((person) => hasher.hash(person.email === DEMO_EMAIL ? password : randomBytes(18).toString('base64url'))),
  );
  const members: Member[] = [];
  for (const [index, person] of people.entries()) {
    const passwordHash = hashes[index] ?? '';
    const user = await db.user.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, passwordHash },
      update: { name: person.name, passwordHash },
    });
    members.push({ id: user.id, name: user.name, role: person.role });
  }
  return members;
}

interface SeedContext {
  deps: SeedDeps;
  random: Random;
  workspaceId: string;
  writers: Member[];
  labelIds: string[];
  bar: SingleBar;
}

/** The task rows of one project, positioned within their states in number order. */
function taskRows(
  context: SeedContext,
  projectId: string,
  states: WorkflowState[],
  drafts: TaskDraft[],
): Prisma.TaskCreateManyInput[] {
  const positions = states.map((_, index) =>
    initialPositions(drafts.filter((draft) => draft.stateIndex === index).length),
  );
  const used = states.map(() => 0);
  return drafts.map((draft) => {
    const state = states[draft.stateIndex];
    if (!state) throw new Error(`The project has no state ${draft.stateIndex}.`);
    const position = positions[draft.stateIndex]?.[used[draft.stateIndex] ?? 0] ?? '';
    used[draft.stateIndex] = (used[draft.stateIndex] ?? 0) + 1;
    const closed = closedCategories.has(state.category);
    const moved = draft.stateIndex !== CREATED_STATE_INDEX;
    return {
      workspaceId: context.workspaceId,
      projectId,
      number: draft.number,
      title: draft.title,
      description: draft.description,
      stateId: state.id,
      priority: draft.priority,
      assigneeId: context.random.next() < 0.8 ? context.random.pick(context.writers).id : null,
      dueDate: draft.dueDate,
      position,
      creatorId: context.random.pick(context.writers).id,
      createdAt: draft.createdAt,
      updatedAt: moved ? draft.movedAt : draft.createdAt,
      completedAt: closed ? draft.movedAt : null,
    };
  });
}

async function seedProject(context: SeedContext, project: DemoProject, leadId: string): Promise<void> {
  const { random } = context;
  const { db, clock } = context.deps;
  const projects = createProjectService({
    db,
    clock,
    events: seedingEvents(context.deps),
    audit: seedingAudit(context.deps),
  });
  const created = await projects.create(
    leadId,
    context.workspaceId,
    { name: project.name, key: project.key, description: project.description },
    leadId,
  );
  const states = await db.workflowState.findMany({ where: { projectId: created.id }, orderBy: { position: 'asc' } });
  const createdIn = states[CREATED_STATE_INDEX];
  if (!createdIn) throw new Error('The default workflow has no Todo state.');
  const now = clock.now();
  const drafts = draftTasks(random, project.tasks, now);
  const rows = taskRows(context, created.id, states, drafts);

  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const tasks = await db.task.createManyAndReturn({
      data: batch,
      select: { id: true, number: true, stateId: true, creatorId: true, createdAt: true, updatedAt: true },
    });
    const activity: Prisma.TaskActivityCreateManyInput[] = [];
    const comments: Prisma.CommentCreateManyInput[] = [];
    const labelled: { labelIds: string[]; taskIds: string[] } = { labelIds: [], taskIds: [] };
    for (const task of tasks) {
      const draft = drafts[task.number - 1];
      if (!draft) continue;
      activity.push({ taskId: task.id, actorId: task.creatorId, kind: 'CREATED', createdAt: task.createdAt });
      const state = states.find((candidate) => candidate.id === task.stateId);
      if (state && state.id !== createdIn.id) {
        activity.push({
          taskId: task.id,
          actorId: random.pick(context.writers).id,
          kind: 'CHANGED',
          field: 'state',
          from: { id: createdIn.id, name: createdIn.name },
          to: { id: state.id, name: state.name },
          createdAt: task.updatedAt,
        });
      }
      for (let index = 0; index < draft.commentCount; index += 1) {
        const at = task.createdAt.getTime() + random.next() * (now.getTime() - task.createdAt.getTime());
        comments.push({
          taskId: task.id,
          authorId: random.pick(context.writers).id,
          body: random.pick(COMMENTS),
          createdAt: new Date(at),
        });
      }
      const chosen = new Set<string>();
      while (chosen.size < draft.labelCount) chosen.add(random.pick(context.labelIds));
      for (const labelId of chosen) {
        labelled.labelIds.push(labelId);
        labelled.taskIds.push(task.id);
      }
    }
    await db.taskActivity.createMany({ data: activity });
    await db.comment.createMany({ data: comments });
    // Prisma's implicit many-to-many table (A: label, B: task), in one statement rather than a connect per label.
    await db.$executeRaw`INSERT INTO "_LabelToTask" ("A", "B")
      SELECT * FROM unnest(${labelled.labelIds}::uuid[], ${labelled.taskIds}::uuid[])`;
    context.bar.increment(batch.length, { project: project.key });
  }
  await db.project.update({ where: { id: created.id }, data: { taskCounter: project.tasks } });
}

/**
 * Fills a workspace that holds its first member (the owner) so far: the other members, the labels, and the
 * projects, each led by one of its writers, drawing on `random` and counting the tasks on `bar`.
 */
export async function seedWorkspaceContent(
  deps: SeedDeps,
  workspaceId: string,
  members: readonly Member[],
  projects: readonly DemoProject[],
  { random, bar }: { random: Random; bar: SingleBar },
): Promise<void> {
  const { db } = deps;
  await db.membership.createMany({
    data: members.slice(1).map((member) => ({ workspaceId, userId: member.id, role: member.role })),
  });
  const labels = await db.label.createManyAndReturn({
    data: LABELS.map((label) => ({ ...label, workspaceId })),
    select: { id: true },
  });
  const writers = members.filter((member) => member.role !== WorkspaceRole.VIEWER);
  const context: SeedContext = { deps, random, workspaceId, writers, labelIds: labels.map((l) => l.id), bar };
  for (const project of projects) await seedProject(context, project, random.pick(writers).id);
}

/**
 * Seeds the demo workspace, showing progress, and reports how to sign in; leaves an existing one alone unless
 * `reset` is set.
 */
export async function seedDemoWorkspace(
  deps: SeedDeps,
  options: SeedOptions,
  output: SeedOutput,
): Promise<SeedOutcome> {
  const { db } = deps;
  const { signInUrl, databaseName } = options;
  const projects = options.projects ?? DEMO_PROJECTS;
  const workspaces = createWorkspaceService({ db, events: seedingEvents(deps), audit: seedingAudit(deps) });
  const existing = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug } });
  if (existing && !options.reset) {
    output.log(`The workspace "${DEMO_WORKSPACE.slug}" already exists in ${databaseName}; nothing to do.`);
    output.log(`Sign in at ${signInUrl} as ${DEMO_EMAIL} with the password printed when it was seeded,`);
    output.log('or run `npm run seed -- --reset` to delete and recreate it (with a new password).');
    return { seeded: false };
  }
  if (existing) {
    output.log(`Deleting the workspace "${DEMO_WORKSPACE.slug}"…`);
    await workspaces.delete(existing.id, DEMO_WORKSPACE.slug, systemAuditSource);
  }
  const started = performance.now();
  const members = await upsertUsers(deps, options.password);
  const [owner] = members;
  if (!owner) throw new Error('The demo user is missing.');
  const workspace = await workspaces.create(owner.id, DEMO_WORKSPACE, systemAuditSource);
  const total = projects.reduce((sum, project) => sum + project.tasks, 0);
  const bar = new SingleBar(
    {
      format: 'Seeding {bar} {value}/{total} tasks | {project} | {duration_formatted}',
      hideCursor: true,
      stream: output.progress,
      noTTYOutput: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { project: '' });
  try {
    await seedWorkspaceContent(deps, workspace.id, members, projects, { random: seededRandom(42), bar });
  } finally {
    bar.stop();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.log(
    `Seeded "${DEMO_WORKSPACE.name}" in ${databaseName}: ${members.length} people, ${projects.length} projects, ${total} tasks (${seconds} s).`,
  );
  output.log('');
  output.log(`Sign in at ${signInUrl}`);
  output.log(`  email:    ${DEMO_EMAIL}`);
  output.log(`  password: ${options.password}`);
  output.log(`Benchmark: ${DEMO_PASSWORD_VARIABLE}='${options.password}' npm run bench -- --url ${signInUrl}`);
  return { seeded: true, people: members.length, projects: projects.length, tasks: total };
}
