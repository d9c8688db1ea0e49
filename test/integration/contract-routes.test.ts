import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Operation, routeFor, supportsOperation } from '@/utils/api/routes';
import { API_VERSIONS } from '@/utils/api/versions';
import { settingsSchema } from '@/utils/settings/schema';
import { operationFor, SPEC_VERSIONS, specFor } from '../fixtures/openapi/spec';

/**
 * The client's route table against the documents, without a request: every operation the client has exists
 * in each version's document exactly where the version has it, and the client sends X-SailPoint-Experimental
 * exactly where a document marks it required. And the one list of versions reaches every place it must.
 */

const operations: Array<{ operation: Operation; method: string; id?: string }> = [
  { operation: 'query-password-info', method: 'POST' },
  { operation: 'set-password', method: 'POST' },
  { operation: 'password-change-status', method: 'GET', id: 'r1' },
  { operation: 'digit-token', method: 'POST' },
  { operation: 'org-config', method: 'GET' },
  { operation: 'org-config', method: 'POST' },
  { operation: 'org-config', method: 'PUT' },
  { operation: 'password-policies', method: 'GET' },
  { operation: 'password-policies', method: 'GET', id: 'p1' },
  { operation: 'sync-groups', method: 'GET' },
  { operation: 'sync-groups', method: 'GET', id: 'g1' },
];

const cases = SPEC_VERSIONS.flatMap((version) => operations.map((entry) => ({ version, ...entry })));

describe('routes against the documents', () => {
  it.each(cases)('$version $method $operation', ({ version, operation, method, id }) => {
    const route = routeFor(version, operation, id);
    const documented = operationFor(version, method, route.path);
    expect(Boolean(documented), `${method} ${route.path} documented`).toBe(supportsOperation(version, operation));
    if (!documented) return;
    const required = (documented.operation.parameters ?? []).filter((parameter) => parameter.in === 'header' && parameter.required);
    expect(required.map((parameter) => parameter.name)).toEqual(route.experimental ? ['X-SailPoint-Experimental'] : []);
  });

  it('finds no other required header in any document', () => {
    const names = new Set<string>();
    for (const version of SPEC_VERSIONS) {
      for (const item of Object.values(specFor(version).paths)) {
        for (const operation of Object.values(item)) {
          if (Array.isArray(operation)) continue;
          for (const parameter of operation.parameters ?? [])
            if (parameter.in === 'header' && parameter.required) names.add(parameter.name);
        }
      }
    }
    expect([...names]).toEqual(['X-SailPoint-Experimental']);
  });
});

describe('the one list of API versions', () => {
  const root = resolve(import.meta.dirname, '../..');

  it('has a document for every version', () => {
    expect(SPEC_VERSIONS).toEqual(API_VERSIONS);
    for (const version of API_VERSIONS) expect(Object.keys(specFor(version).paths).length, version).toBeGreaterThan(0);
  });

  it('is what settings, enterprise policy and the README accept', () => {
    const managed = JSON.parse(readFileSync(resolve(root, 'public/managed_schema.json'), 'utf8')) as {
      properties: { apiVersion: { enum: string[] } };
    };
    expect(managed.properties.apiVersion.enum).toEqual([...API_VERSIONS]);
    for (const version of API_VERSIONS) {
      expect(v.safeParse(settingsSchema().entries.apiVersion, version).success, version).toBe(true);
    }
    expect(v.safeParse(settingsSchema().entries.apiVersion, 'v2027').success).toBe(false);
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| `apiVersion` |')) ?? '';
    for (const version of API_VERSIONS) expect(row, version).toContain(`\`${version}\``);
  });
});
