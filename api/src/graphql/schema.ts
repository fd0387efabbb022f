// Assembles the schema: importing a module registers its types and fields on the builder.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import '../modules/accounts/schema.ts';
import '../modules/workspaces/schema.ts';
import '../modules/projects/schema.ts';
import '../modules/tasks/schema.ts';
import '../modules/events/schema.ts';
import '../modules/api-tokens/schema.ts';
import '../modules/audit/schema.ts';
import '../modules/limits/schema.ts';
import '../modules/webhooks/schema.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
