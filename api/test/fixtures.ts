// Composable vitest fixtures: one app + database per test file, a fresh signed-up user per test.
import { test as base } from 'vitest';
import { createTestApi, defaultTestSettings } from './test-api.ts';
import { createDatabaseTemplate } from './test-database.ts';

export const test = base
  .extend('settings', { scope: 'worker' }, defaultTestSettings)
  .extend('databaseTemplate', { scope: 'worker' }, async ({ settings }, { onCleanup }) => {
    const template = await createDatabaseTemplate(settings.databaseUrl);
    onCleanup(() => template.close());
    return template;
  })
  .extend('api', { scope: 'file' }, async ({ databaseTemplate, settings }, { onCleanup }) => {
    const api = await createTestApi(databaseTemplate, settings);
    onCleanup(() => api.close());
    return api;
  })
  .extend('user', async ({ api }) => api.signUp())
  .extend('workspace', async ({ api, user }) => api.createWorkspace(user));

export { describe, expect } from 'vitest';
