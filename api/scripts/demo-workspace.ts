// The demo workspace that `npm run seed` creates and `npm run bench` measures: names shared by both.

export const DEMO_EMAIL = 'demo@yello.test';
export const DEMO_NAME = 'Demo User';
export const DEMO_WORKSPACE = { name: 'Demo', slug: 'demo' } as const;

/** Environment variable with the demo user's password (seed: to choose it; bench: to sign in). */
export const DEMO_PASSWORD_VARIABLE = 'YELLO_DEMO_PASSWORD';

export interface DemoProject {
  key: string;
  name: string;
  description: string;
  tasks: number;
}

/** The first project is the board the benchmark reads; the last one takes the benchmark's writes. */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  { key: 'YEL', name: 'Yello board', description: 'The main board of the demo.', tasks: 500 },
  { key: 'WEB', name: 'Web app', description: 'The SolidJS single-page app.', tasks: 1000 },
  { key: 'API', name: 'GraphQL API', description: 'Schema, resolvers and services.', tasks: 1000 },
  { key: 'MOB', name: 'Mobile', description: 'A mobile client, someday.', tasks: 1000 },
  { key: 'OPS', name: 'Operations', description: 'Deployments, backups, monitoring.', tasks: 1000 },
];

export const BOARD_PROJECT_KEY = 'YEL';
export const WRITE_PROJECT_KEY = 'OPS';
