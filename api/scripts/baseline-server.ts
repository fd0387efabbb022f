// The bench's yardstick (projects-and-tasks 7.3): what the board, the task list and moveTask cost without a
// framework. A node:http server over a pg pool with hand-written SQL that answers exactly the documents
// `npm run bench` sends (recognised by their text) with the JSON Yello gives, byte for byte, after the checks
// Yello makes: the access token (same jose verification, same key), its session still open (refreshing lastUsedAt
// as Yello does), the caller's membership of the workspace (and a writer's role for the move). The objects inside
// the workspace need no check of their own: Yello keeps tasks, labels and assignees inside their workspace. A move
// does the same transactional work as Yello's: lock the target state, read its last task, a fractional-indexing key
// after it, the update, and the activity row with the same from/to JSON.
//
// Anything else is refused: this is a measure of what the three requests cost, not a second implementation.
// `node scripts/baseline-server.ts` with BASELINE_DATABASE_URL, JWT_SECRET and PORT (HOST: 127.0.0.1) serves it;
// the bench starts it so.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { generateKeyBetween } from 'fractional-indexing';
import pg from 'pg';
import { z } from 'zod';
import { createAccessTokens } from '../src/modules/accounts/access-tokens.ts';
import { systemClock } from '../src/shared/clock.ts';
import { BOARD, MOVE_TASK, TASK_LIST, TASK_LIST_PAGE } from './bench-documents.ts';

export interface BaselineOptions {
  /** postgres://… of Yello's database. */
  databaseUrl: string;
  /** The access-token signing key Yello runs with (JWT_SECRET). */
  tokenSecret: string;
  /** Connections in the pool: Yello's adapter opens 10 to a PostgreSQL server. */
  poolSize?: number | undefined;
  port?: number | undefined;
  host?: string | undefined;
}

export interface RunningBaseline {
  url: string;
  close(): Promise<void>;
}

/** A refusal answered as a GraphQL error, as Yello would (the bench never provokes one). */
class Refusal extends Error {
  readonly code: string;
  readonly path: string[] | undefined;
  readonly status: number;

  constructor(code: string, message: string, path?: string[], status = 200) {
    super(message);
    this.code = code;
    this.path = path;
    this.status = status;
  }
}

const MAX_BODY_BYTES = 100 * 1024;
const LAST_USED_RESOLUTION_MS = 60_000;
const WRITER_ROLES = new Set(['OWNER', 'ADMIN', 'MEMBER']);
const CLOSED_CATEGORIES = new Set(['COMPLETED', 'CANCELED']);
const uuid = z.uuid();

const requestBody = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});
const projectVariables = z.object({ slug: z.string(), key: z.string() });
const listVariables = projectVariables.extend({ search: z.string() });
/** The move the bench sends: a task into a state, last (afterId and beforeId are Yello's alone). */
const moveVariables = z.object({ input: z.strictObject({ id: z.string(), stateId: z.string() }) });

/** Pothos's relay ids: base64 of `Type:id`. */
const globalId = (type: string, id: string): string => Buffer.from(`${type}:${id}`).toString('base64');

function idOf(type: string, value: string, path: string[]): string {
  const [prefix, id] = Buffer.from(value, 'base64').toString().split(/:(.*)/s);
  if (prefix !== type || id === undefined || !uuid.safeParse(id).success) {
    throw new Refusal('BAD_USER_INPUT', `Expected the id of a ${type}.`, path);
  }
  return id;
}

/** A version 7 UUID, as Prisma's `uuid(7)` gives new rows. */
function uuidv7(now: Date): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now.getTime(), 0, 6);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x70, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A timestamp as Prisma writes it into a `timestamp(3)` column: UTC, milliseconds. */
const timestamp = (date: Date): string => date.toISOString();

/** Words of a search, each matched literally by ILIKE (as Yello's task filter escapes them). */
const searchPatterns = (search: string): string[] =>
  search
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);

interface LabelArrays {
  label_names: string[] | null;
  label_colors: string[] | null;
}

const labelsOf = ({ label_names, label_colors }: LabelArrays) =>
  (label_names ?? []).map((name, index) => ({ name, color: label_colors?.[index] ?? '' }));

/** The labels of the task `${task}."id"`, in name order, as two arrays: one row per task, not one per label. */
const labelsJoin = (task: string): string => `LEFT JOIN LATERAL (
    SELECT array_agg(l."name" ORDER BY l."name") AS label_names, array_agg(l."color" ORDER BY l."name") AS label_colors
    FROM "_LabelToTask" lt JOIN "Label" l ON l."id" = lt."A" WHERE lt."B" = ${task}."id"
  ) labels ON true`;

/** The variables of a document, or BAD_USER_INPUT. */
function variablesOf<T>(shape: z.ZodType<T>, variables: unknown): T {
  const parsed = shape.safeParse(variables);
  if (!parsed.success) throw new Refusal('BAD_USER_INPUT', 'Unexpected variables.');
  return parsed.data;
}

const boardRow = z.object({
  state_id: z.string(),
  state_name: z.string(),
  task_count: z.number(),
  id: z.string().nullable(),
  number: z.number().nullable(),
  title: z.string().nullable(),
  priority: z.string().nullable(),
  assignee_name: z.string().nullable(),
  label_names: z.array(z.string()).nullable(),
  label_colors: z.array(z.string()).nullable(),
  comment_count: z.number().nullable(),
});

const listRow = z.object({
  total: z.number(),
  id: z.string(),
  number: z.number(),
  title: z.string(),
  priority: z.string(),
  due_date: z.string().nullable(),
  state_name: z.string(),
  assignee_name: z.string().nullable(),
  label_names: z.array(z.string()).nullable(),
  label_colors: z.array(z.string()).nullable(),
});

const projectRow = z.object({ id: z.string(), name: z.string(), key: z.string(), role: z.string().nullable() });
const sessionRow = z.object({ userId: z.string(), open: z.boolean(), stale: z.boolean() });
const taskAccessRow = z.object({ workspaceId: z.string(), role: z.string().nullable() });
const movingRow = z.object({
  projectId: z.string(),
  stateId: z.string(),
  state_name: z.string(),
  category: z.string(),
});
const targetRow = z.object({ id: z.string(), name: z.string(), category: z.string() });
const positionRow = z.object({ position: z.string() });

type Queryable = Pick<pg.Pool, 'query'>;

async function rows<T>(db: Queryable, shape: z.ZodType<T>, sql: string, values: unknown[]): Promise<T[]> {
  const result = await db.query(sql, values);
  return z.array(shape).parse(result.rows);
}

export function createBaselineHandler(options: BaselineOptions) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  const tokens = createAccessTokens(new TextEncoder().encode(options.tokenSecret), systemClock);

  /** The signed-in user: a valid token whose session is still open (Yello's sessions.authenticate). */
  async function viewerOf(request: IncomingMessage): Promise<string> {
    const header = request.headers.authorization;
    const claims = header?.startsWith('Bearer ') ? await tokens.verify(header.slice('Bearer '.length)) : undefined;
    if (!claims || !uuid.safeParse(claims.sessionId).success) throw new Refusal('UNAUTHENTICATED', 'Sign in first.');
    const now = systemClock.now();
    const [session] = await rows(
      pool,
      sessionRow,
      `SELECT "userId", ("revokedAt" IS NULL AND "expiresAt" > $2::timestamp) AS "open",
              "lastUsedAt" < $3::timestamp AS "stale"
       FROM "Session" WHERE "id" = $1`,
      [claims.sessionId, timestamp(now), timestamp(new Date(now.getTime() - LAST_USED_RESOLUTION_MS))],
    );
    if (!session || session.userId !== claims.userId || !session.open) {
      throw new Refusal('UNAUTHENTICATED', 'Sign in first.');
    }
    if (session.stale) {
      await pool.query('UPDATE "Session" SET "lastUsedAt" = $2::timestamp WHERE "id" = $1', [
        claims.sessionId,
        timestamp(now),
      ]);
    }
    return claims.userId;
  }

  /** The project by its workspace's slug and its key (current, then an old one), if the viewer is a member. */
  async function projectOf(viewerId: string, slug: string, key: string) {
    const select = `SELECT p."id", p."name", p."key", m."role"::text AS "role"
      FROM "Project" p JOIN "Workspace" w ON w."id" = p."workspaceId"
      LEFT JOIN "Membership" m ON m."workspaceId" = p."workspaceId" AND m."userId" = $3`;
    const values = [slug.trim().toLowerCase(), key.trim().toUpperCase(), viewerId];
    const [current] = await rows(pool, projectRow, `${select} WHERE w."slug" = $1 AND p."key" = $2`, values);
    const project =
      current ??
      (
        await rows(
          pool,
          projectRow,
          `${select} JOIN "ProjectKeyAlias" a ON a."projectId" = p."id" AND a."workspaceId" = w."id"
           WHERE w."slug" = $1 AND a."key" = $2`,
          values,
        )
      )[0];
    if (!project?.role) throw new Refusal('NOT_FOUND', 'Not found.', ['project']);
    return project;
  }

  async function board(viewerId: string, variables: unknown) {
    const { slug, key } = variablesOf(projectVariables, variables);
    const project = await projectOf(viewerId, slug, key);
    const found = await rows(
      pool,
      boardRow,
      `WITH states AS MATERIALIZED (
         SELECT s."id", s."name", s."position", (SELECT count(*) FROM "Task" c WHERE c."stateId" = s."id")::int AS task_count
         FROM "WorkflowState" s WHERE s."projectId" = $1
       )
       SELECT s."id" AS state_id, s."name" AS state_name, s.task_count,
              t."id", t."number", t."title", t."priority"::text AS "priority", u."name" AS assignee_name,
              labels.label_names, labels.label_colors,
              (SELECT count(*) FROM "Comment" c WHERE c."taskId" = t."id")::int AS comment_count
       FROM states s
       LEFT JOIN LATERAL (
         SELECT x."id", x."number", x."title", x."priority", x."assigneeId", x."position" FROM "Task" x
         WHERE x."stateId" = s."id" ORDER BY x."position", x."id" LIMIT 100
       ) t ON true
       LEFT JOIN "User" u ON u."id" = t."assigneeId"
       ${labelsJoin('t')}
       ORDER BY s."position", s."id", t."position", t."id"`,
      [project.id],
    );
    type Node = {
      id: string;
      key: string;
      title: string;
      priority: string;
      assignee: { name: string } | null;
      labels: { name: string; color: string }[];
      commentCount: number;
    };
    const states: { id: string; name: string; taskCount: number; tasks: { nodes: Node[] } }[] = [];
    for (const row of found) {
      let state = states.at(-1);
      const stateId = globalId('WorkflowState', row.state_id);
      if (state?.id !== stateId) {
        state = { id: stateId, name: row.state_name, taskCount: row.task_count, tasks: { nodes: [] } };
        states.push(state);
      }
      if (row.id === null || row.number === null || row.title === null || row.priority === null) continue;
      state.tasks.nodes.push({
        id: globalId('Task', row.id),
        key: `${project.key}-${row.number}`,
        title: row.title,
        priority: row.priority,
        assignee: row.assignee_name === null ? null : { name: row.assignee_name },
        labels: labelsOf(row),
        commentCount: row.comment_count ?? 0,
      });
    }
    return { project: { id: globalId('Project', project.id), name: project.name, states } };
  }

  async function taskList(viewerId: string, variables: unknown) {
    const { slug, key, search } = variablesOf(listVariables, variables);
    const project = await projectOf(viewerId, slug, key);
    const patterns = searchPatterns(search);
    const words = patterns.map(
      (_, index) => `AND (t."title" ILIKE $${index + 3} OR t."description" ILIKE $${index + 3})`,
    );
    const found = await rows(
      pool,
      listRow,
      `SELECT page.total, page."id", page."number", page."title", page."priority",
              to_char(page."dueDate", 'YYYY-MM-DD') AS due_date, s."name" AS state_name, u."name" AS assignee_name,
              labels.label_names, labels.label_colors
       FROM (
         SELECT t."id", t."number", t."title", t."priority"::text AS "priority", t."dueDate", t."stateId",
                t."assigneeId", (count(*) OVER ())::int AS total
         FROM "Task" t
         WHERE t."projectId" = $1 AND t."priority"::text = ANY($2::text[]) ${words.join(' ')}
         ORDER BY t."dueDate" ASC NULLS LAST, t."id" ASC
         LIMIT ${TASK_LIST_PAGE.first}
       ) page
       JOIN "WorkflowState" s ON s."id" = page."stateId"
       LEFT JOIN "User" u ON u."id" = page."assigneeId"
       ${labelsJoin('page')}
       ORDER BY page."dueDate" ASC NULLS LAST, page."id" ASC`,
      [project.id, TASK_LIST_PAGE.priorities, ...patterns],
    );
    return {
      project: {
        tasks: {
          totalCount: found[0]?.total ?? 0,
          nodes: found.map((row) => ({
            id: globalId('Task', row.id),
            key: `${project.key}-${row.number}`,
            title: row.title,
            priority: row.priority,
            dueDate: row.due_date,
            state: { name: row.state_name },
            assignee: row.assignee_name === null ? null : { name: row.assignee_name },
            labels: labelsOf(row),
          })),
        },
      },
    };
  }

  async function moveTask(viewerId: string, variables: unknown) {
    const { input } = variablesOf(moveVariables, variables);
    const taskId = idOf('Task', input.id, ['input', 'id']);
    const stateId = idOf('WorkflowState', input.stateId, ['input', 'stateId']);
    const [access] = await rows(
      pool,
      taskAccessRow,
      `SELECT t."workspaceId", m."role"::text AS "role" FROM "Task" t
       LEFT JOIN "Membership" m ON m."workspaceId" = t."workspaceId" AND m."userId" = $2 WHERE t."id" = $1`,
      [taskId, viewerId],
    );
    if (!access?.role) throw new Refusal('NOT_FOUND', 'Not found.', ['moveTask']);
    if (!WRITER_ROLES.has(access.role)) throw new Refusal('FORBIDDEN', 'Your role does not allow this.', ['moveTask']);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const [moving] = await rows(
        client,
        movingRow,
        `SELECT t."projectId", t."stateId", s."name" AS state_name, s."category"::text AS "category"
         FROM "Task" t JOIN "WorkflowState" s ON s."id" = t."stateId" WHERE t."id" = $1 AND t."workspaceId" = $2`,
        [taskId, access.workspaceId],
      );
      if (!moving) throw new Refusal('NOT_FOUND', 'Not found.', ['moveTask']);
      // The target state, locked: placements in one column take turns (PT-3.9).
      const [target] = await rows(
        client,
        targetRow,
        `SELECT "id", "name", "category"::text AS "category" FROM "WorkflowState"
         WHERE "id" = $1 AND "projectId" = $2 FOR NO KEY UPDATE`,
        [stateId, moving.projectId],
      );
      if (!target) {
        throw new Refusal('BAD_USER_INPUT', 'Choose a state of this task’s project.', ['input', 'stateId']);
      }
      const [last] = await rows(
        client,
        positionRow,
        `SELECT "position" FROM "Task" WHERE "stateId" = $1 AND "id" <> $2 ORDER BY "position" DESC LIMIT 1`,
        [target.id, taskId],
      );
      const now = systemClock.now();
      await client.query(
        `UPDATE "Task" SET "stateId" = $3, "position" = $4, "updatedAt" = $5::timestamp,
           "completedAt" = CASE WHEN NOT $6::boolean THEN NULL WHEN $7::boolean THEN "completedAt" ELSE $5::timestamp END
         WHERE "id" = $1 AND "workspaceId" = $2`,
        [
          taskId,
          access.workspaceId,
          target.id,
          generateKeyBetween(last?.position ?? null, null),
          timestamp(now),
          CLOSED_CATEGORIES.has(target.category),
          CLOSED_CATEGORIES.has(moving.category),
        ],
      );
      if (target.id !== moving.stateId) {
        await client.query(
          `INSERT INTO "TaskActivity" ("id", "taskId", "actorId", "kind", "field", "from", "to", "createdAt")
           VALUES ($1, $2, $3, 'CHANGED', 'state', $4::jsonb, $5::jsonb, $6::timestamp)`,
          [
            uuidv7(now),
            taskId,
            viewerId,
            JSON.stringify({ id: moving.stateId, name: moving.state_name }),
            JSON.stringify({ id: target.id, name: target.name }),
            timestamp(now),
          ],
        );
      }
      await client.query('COMMIT');
      return { moveTask: { id: globalId('Task', taskId), state: { name: target.name } } };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  const operations = new Map<string, (viewerId: string, variables: unknown) => Promise<unknown>>([
    [BOARD, board],
    [TASK_LIST, taskList],
    [MOVE_TASK, moveTask],
  ]);

  async function answer(request: IncomingMessage): Promise<{ status: number; body: string }> {
    if (request.method === 'GET' && request.url === '/health') return { status: 200, body: '{"status":"ok"}' };
    if (request.method !== 'POST' || request.url !== '/graphql') {
      throw new Refusal('BAD_REQUEST', 'The baseline answers POST /graphql only.', undefined, 404);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += bytes.length;
      if (size > MAX_BODY_BYTES) throw new Refusal('PAYLOAD_TOO_LARGE', 'The request is too large.', undefined, 413);
      chunks.push(bytes);
    }
    let parsed: z.infer<typeof requestBody>;
    try {
      parsed = requestBody.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      throw new Refusal('BAD_REQUEST', 'Send a GraphQL request as JSON.', undefined, 400);
    }
    const operation = operations.get(parsed.query);
    if (!operation) {
      throw new Refusal(
        'BAD_REQUEST',
        'The baseline answers only the bench’s board, task list and moveTask.',
        undefined,
        400,
      );
    }
    const data = await operation(await viewerOf(request), parsed.variables ?? {});
    return { status: 200, body: JSON.stringify({ data }) };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let status: number;
    let body: string;
    try {
      ({ status, body } = await answer(request));
    } catch (error: unknown) {
      const refusal =
        error instanceof Refusal ? error : new Refusal('INTERNAL_SERVER_ERROR', 'Unexpected error.', undefined, 500);
      if (!(error instanceof Refusal)) console.error(error);
      status = refusal.status;
      const path = refusal.path ? { path: refusal.path } : {};
      body = JSON.stringify({
        errors: [{ message: refusal.message, ...path, extensions: { code: refusal.code } }],
        data: null,
      });
    }
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  }

  return { handle, close: () => pool.end() };
}

/** The baseline listening on a port (0 lets the system pick a free one). */
export async function startBaseline(options: BaselineOptions): Promise<RunningBaseline> {
  const handler = createBaselineHandler(options);
  const server = createServer((request, response) => {
    void handler.handle(request, response);
  });
  const host = options.host ?? '127.0.0.1';
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The baseline has no TCP address.');
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
      await handler.close();
    },
  };
}

if (import.meta.main) {
  const databaseUrl = process.env.BASELINE_DATABASE_URL;
  const tokenSecret = process.env.JWT_SECRET;
  if (!databaseUrl || !tokenSecret) {
    console.error('Set BASELINE_DATABASE_URL (postgres://…) and JWT_SECRET (the key Yello runs with).');
    process.exit(1);
  }
  const baseline = await startBaseline({
    databaseUrl,
    tokenSecret,
    port: Number(process.env.PORT ?? 0),
    host: process.env.HOST,
  });
  console.log(`Baseline listening at ${baseline.url}`);
  const stop = () => {
    void baseline.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
