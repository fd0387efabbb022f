// Integrators learn the API in GraphiQL's docs: every entry point and every type they read or send says what it is.
import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';

/** Relay's generated connection and edge types describe themselves through their fields. */
const isRelayPlumbing = (name: string) => name.endsWith('Connection') || name.endsWith('Edge');

/** The types a developer reads or sends, without GraphQL's own (`__Type`…) and Relay's plumbing. */
const documentedTypes = () =>
  Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !isRelayPlumbing(type.name));

describe('schema documentation', () => {
  it('AUTH-10.6 describes every query, every mutation and every object and input type', () => {
    const undescribed: string[] = [];
    for (const type of documentedTypes()) {
      if ((isObjectType(type) || isInputObjectType(type)) && !type.description) undescribed.push(type.name);
    }
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (!field.description) undescribed.push(`${root?.name}.${field.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  // Enum values are neither fields nor arguments, so WEB-2.1 does not ask for them and this test does not list them:
  // a value whose name says it all (ASC, DESC, HIGH) needs no sentence. Those whose meaning is not in their name
  // (a state category, a role, a task order) are described where their enum is defined all the same.
  it('WEB-2.1 describes every field and every argument of the object, interface and input types', () => {
    const undescribed: string[] = [];
    for (const type of documentedTypes()) {
      if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undescribed.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});
