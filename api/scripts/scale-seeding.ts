// `npm run bench -- --scale N`: N tenants beside the demo, each a workspace the demo's size (eight people, the demo's
// labels, five projects, 4,500 tasks with comments and history) written by the demo's own seeding, so `--scale 100`
// holds a hundred times the demo's data. They show that one tenant's numbers do not move when others grow. Tenants
// that exist are kept, so a second run with the same N seeds nothing; a tenant is written under a provisional name
// and renamed once complete, and one left provisional by an interrupted run is deleted and seeded again.
import { randomBytes } from 'node:crypto';
import { Presets, SingleBar } from 'cli-progress';
import { WorkspaceRole } from '../src/generated/prisma/enums.ts';
import { systemAuditSource } from '../src/modules/audit/audit-log.ts';
import { createWorkspaceService } from '../src/modules/workspaces/workspaces.ts';
import {
  type Member,
  type SeedDeps,
  type SeedOutput,
  seedingAudit,
  seedingEvents,
  seedWorkspaceContent,
} from './demo-seeding.ts';
import { DEMO_PROJECTS, type DemoProject } from './demo-workspace.ts';
import { seededRandom, TEAMMATES } from './seed-data.ts';

/** Scale tenants' workspaces are `scale-1`, `scale-2`, …; their people `scale-1.0@yello.test`, …. */
export const SCALE_SLUG_PREFIX = 'scale-';
const PROVISIONAL = ' (seeding)';

export interface ScaleOptions {
  /** How many tenants there should be. */
  tenants: number;
  /** Each tenant's projects: the demo's when absent. */
  projects?: readonly DemoProject[] | undefined;
}

export interface ScaleOutcome {
  /** Tenants seeded by this call. */
  added: number;
  /** Tasks seeded by this call. */
  tasks: number;
}

export const scaleSlug = (tenant: number): string => `${SCALE_SLUG_PREFIX}${tenant}`;
const tenantName = (tenant: number): string => `Scale tenant ${tenant}`;

/** A tenant's people, created (or found, after an interrupted run) with a password nobody knows. */
async function tenantPeople({ db }: SeedDeps, tenant: number, passwordHash: string): Promise<Member[]> {
  const people = [{ name: `Owner ${tenant}`, role: WorkspaceRole.OWNER }, ...TEAMMATES].map((person, index) => ({
    ...person,
    email: `${scaleSlug(tenant)}.${index}@yello.test`,
  }));
  await db.user.createMany({
    data: people.map(({ name, email }) => ({ name, email, passwordHash })),
    skipDuplicates: true,
  });
  const users = await db.user.findMany({
    where: { email: { in: people.map((person) => person.email) } },
    select: { id: true, email: true },
  });
  return people.map((person) => {
    const user = users.find((candidate) => candidate.email === person.email);
    if (!user) throw new Error(`${person.email} was not created.`);
    return { id: user.id, name: person.name, role: person.role };
  });
}

async function seedTenant(deps: SeedDeps, tenant: number, projects: readonly DemoProject[], bar: SingleBar) {
  const { db } = deps;
  const members = await tenantPeople(deps, tenant, await deps.hasher.hash(randomBytes(18).toString('base64url')));
  const [owner] = members;
  if (!owner) throw new Error('A tenant needs an owner.');
  const workspace = await createWorkspaceService({ db, events: seedingEvents(deps), audit: seedingAudit(deps) }).create(
    owner.id,
    {
      name: `${tenantName(tenant)}${PROVISIONAL}`,
      slug: scaleSlug(tenant),
    },
    systemAuditSource,
  );
  await seedWorkspaceContent(deps, workspace.id, members, projects, { random: seededRandom(1000 + tenant), bar });
  await db.workspace.update({ where: { id: workspace.id }, data: { name: tenantName(tenant) } });
}

/** Makes sure tenants 1 to `options.tenants` exist, seeding those that do not (with a progress bar). */
export async function seedScaleTenants(
  deps: SeedDeps,
  options: ScaleOptions,
  output: SeedOutput,
): Promise<ScaleOutcome> {
  const { db } = deps;
  const projects = options.projects ?? DEMO_PROJECTS;
  const workspaces = createWorkspaceService({ db, events: seedingEvents(deps), audit: seedingAudit(deps) });
  const missing: number[] = [];
  for (let tenant = 1; tenant <= options.tenants; tenant += 1) {
    const slug = scaleSlug(tenant);
    const existing = await db.workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
    if (existing?.name === tenantName(tenant)) continue;
    if (existing) await workspaces.delete(existing.id, slug, systemAuditSource);
    missing.push(tenant);
  }
  const perTenant = projects.reduce((sum, project) => sum + project.tasks, 0);
  if (missing.length === 0) {
    output.log(`The ${options.tenants} scale tenants exist already.`);
    return { added: 0, tasks: 0 };
  }
  output.log(
    `Seeding ${missing.length} scale tenant(s) of ${options.tenants}, ${perTenant} tasks each (${missing.length * perTenant} tasks)…`,
  );
  const started = performance.now();
  const bar = new SingleBar(
    {
      format: 'Scaling {bar} {value}/{total} tasks | {project} | {duration_formatted}',
      hideCursor: true,
      stream: output.progress,
      noTTYOutput: true,
    },
    Presets.shades_classic,
  );
  bar.start(missing.length * perTenant, 0, { project: '' });
  try {
    for (const tenant of missing) await seedTenant(deps, tenant, projects, bar);
  } finally {
    bar.stop();
  }
  output.log(`Seeded ${missing.length} scale tenant(s) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { added: missing.length, tasks: missing.length * perTenant };
}
