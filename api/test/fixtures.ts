// Composable vitest fixtures: one app + database per test file, a fresh signed-up user per test.
import { test as base } from 'vitest';
import { createTestApi, defaultTestSettings } from './test-api.ts';

export const test = base
  .extend('settings', { scope: 'worker' }, defaultTestSettings)
  .extend('api', { scope: 'file' }, async ({ settings }, { onCleanup }) => {
    const api = await createTestApi(settings);
    onCleanup(() => api.close());
    return api;
  })
  .extend('user', async ({ api }) => api.signUp())
  .extend('workspace', async ({ api, user }) => api.createWorkspace(user));

export { describe, expect } from 'vitest';
