// Integrators learn the API in GraphiQL's docs: every entry point and every type they read or send says what it is.
import { isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';

/** Relay's generated connection and edge types describe themselves through their fields. */
const isRelayPlumbing = (name: string) => name.endsWith('Connection') || name.endsWith('Edge');

describe('schema documentation', () => {
  it('AUTH-10.6 describes every query, every mutation and every object and input type', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isRelayPlumbing(type.name)) continue;
      if ((isObjectType(type) || isInputObjectType(type)) && !type.description) undescribed.push(type.name);
    }
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (!field.description) undescribed.push(`${root?.name}.${field.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });
});
