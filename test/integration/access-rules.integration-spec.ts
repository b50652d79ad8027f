import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Type } from '@nestjs/common';
import { declaredAccess, type DeclaredAccess } from '@simpul/identity';
import { FIELD_ACCESS_RULES } from '../../apps/gateway/src/access';
import { bootGateway } from '../support/boot-in-process';

// Metadata @nestjs/graphql puts on resolver methods (its graphql.constants).
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const ROOTS = ['Query', 'Mutation', 'Subscription'];

/** `Query.case` → the rule its resolver method declares, for every root resolver in the app. */
function rootRules(app: NestFastifyApplication): Map<string, DeclaredAccess> {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const rules = new Map<string, DeclaredAccess>();
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  for (const wrapper of discovery.getProviders()) {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const method = prototype[methodName] as (...args: unknown[]) => unknown;
      const type = Reflect.getMetadata(RESOLVER_TYPE, method) as string | undefined;
      if (!type || !ROOTS.includes(type)) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, method) as string | undefined) ?? methodName;
      rules.set(`${type}.${name}`, declaredAccess(reflector, [method, wrapper.metatype as Type]));
    }
  }
  return rules;
}

const objectTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType =>
      type instanceof GraphQLObjectType &&
      !type.name.startsWith('__') &&
      !ROOTS.includes(type.name),
  );

describe('every operation and object field declares its access rule', () => {
  let app: NestFastifyApplication;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    app = await bootGateway();
    schema = app.get(GraphQLSchemaHost).schema;
  });
  afterAll(async () => {
    await app.close();
  });

  it('every Query, Mutation and Subscription field has @Public, @Roles or @SignedIn', () => {
    const rules = rootRules(app);
    const served = ROOTS.flatMap((root) => {
      const type = schema.getType(root) as GraphQLObjectType | undefined;
      return type ? Object.keys(type.getFields()).map((field) => `${root}.${field}`) : [];
    });
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((operation) => !rules.get(operation))).toEqual([]);
  });

  it('only login and refreshSession are public; administration needs ADMIN', () => {
    const rules = rootRules(app);
    const open = [...rules].filter(([, rule]) => rule?.kind === 'public').map(([op]) => op);
    expect(open.sort()).toEqual(['Mutation.login', 'Mutation.refreshSession']);
    for (const op of ['Mutation.createAgency', 'Mutation.deactivateOfficer', 'Query.officers']) {
      expect(rules.get(op)).toEqual({ kind: 'roles', roles: ['ADMIN'] });
    }
  });

  it('every field of every object type is listed in FIELD_ACCESS_RULES, and nothing else is', () => {
    const missing: string[] = [];
    const stale: string[] = [];
    for (const type of objectTypes(schema)) {
      const rule = FIELD_ACCESS_RULES[type.name];
      const declared = new Set([...(rule?.withParent ?? []), ...Object.keys(rule?.guarded ?? {})]);
      const fields = Object.keys(type.getFields());
      missing.push(...fields.filter((f) => !declared.has(f)).map((f) => `${type.name}.${f}`));
      stale.push(
        ...[...declared].filter((f) => !fields.includes(f)).map((f) => `${type.name}.${f}`),
      );
    }
    const types = new Set(objectTypes(schema).map((t) => t.name));
    stale.push(...Object.keys(FIELD_ACCESS_RULES).filter((name) => !types.has(name)));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });
});
