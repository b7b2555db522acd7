import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test/harness.ts';

/**
 * Partners generate clients from the OpenAPI document, so it must lint clean under Redocly's
 * recommended rules: no errors and no warnings.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended lint without an error or a warning", async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body;
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: doc, absoluteRef: 'openapi.json', config });
    const described = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`,
    );
    expect(described).toEqual([]);
  });
});
