import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type IReporterOutput } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

// The rules `npm run lint:deps` checks, proved to catch what they forbid: a fixture tree with one
// file per case is cruised with the repository's own configuration.
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as IConfiguration;
const root = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function violations(files: Record<string, string>): Promise<string[]> {
  const baseDir = tree(files);
  const result: IReporterOutput = await cruise(['server'], {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  if (typeof result.output === 'string') throw new Error('expected the cruise result as an object');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

const exporting = 'export const x = 1;\n';

describe('the dependency rules', () => {
  it('pass a module that imports one before it, its own queries and shared pieces', async () => {
    expect(
      await violations({
        'server/modules/audit/audit.service.ts': `import { x } from '../sessions/sessions.ts';\nimport { y } from './audit.queries.ts';\nimport type { Actor } from '../../shared/actor.ts';\nexport const z = [x, y];\n`,
        'server/modules/audit/audit.queries.ts': 'export const y = 2;\n',
        'server/modules/sessions/sessions.ts': exporting,
        'server/shared/actor.ts': 'export type Actor = { id: string };\n',
      }),
    ).toEqual([]);
  });

  it('refuse a module importing one after it, even for a type', async () => {
    expect(
      await violations({
        'server/modules/sessions/sessions.ts': `import type { X } from '../auth/auth.service.ts';\nexport type Y = X;\n`,
        'server/modules/auth/auth.service.ts': 'export type X = string;\n',
      }),
    ).toEqual([
      'module-order-sessions: server/modules/sessions/sessions.ts → server/modules/auth/auth.service.ts',
    ]);
  });

  it("refuse another module's queries, and queries read above the modules", async () => {
    expect(
      await violations({
        'server/modules/quotes/quotes.service.ts': `import { x } from '../catalog/catalog.queries.ts';\nexport const y = x;\n`,
        'server/modules/catalog/catalog.queries.ts': exporting,
        'server/use-cases/make.ts': `import { x } from '../modules/catalog/catalog.queries.ts';\nexport const z = x;\n`,
      }),
    ).toEqual([
      'no-queries-above-modules: server/use-cases/make.ts → server/modules/catalog/catalog.queries.ts',
      'own-queries-only: server/modules/quotes/quotes.service.ts → server/modules/catalog/catalog.queries.ts',
    ]);
  });

  it('refuse a module calling a use case, http knowing a module, and a module left out of the order', async () => {
    const found = await violations({
      'server/modules/orders/orders.service.ts': `import { x } from '../../use-cases/place.ts';\nexport const y = x;\n`,
      'server/use-cases/place.ts': exporting,
      'server/http/route.ts': `import { x } from '../modules/sessions/sessions.ts';\nexport const y = x;\n`,
      'server/modules/sessions/sessions.ts': exporting,
      'server/modules/gifts/gifts.service.ts': `import { x } from '../../lib/money.ts';\nexport const y = x;\n`,
      'server/lib/money.ts': exporting,
    });
    expect(found).toContain(
      'modules-below-use-cases: server/modules/orders/orders.service.ts → server/use-cases/place.ts',
    );
    expect(found).toContain(
      'http-knows-no-module: server/http/route.ts → server/modules/sessions/sessions.ts',
    );
    expect(found.some((v) => v.startsWith('unordered-module: server/modules/gifts/'))).toBe(true);
  });

  it("refuse the schema outside a module's queries, in use cases too, not in its queries or tests", async () => {
    const schema = `import { quotes } from '../../db/schema/index.ts';\nexport const y = quotes;\n`;
    const schemaInUseCase = `import type { quotes } from '../db/schema/index.ts';\nexport type Q = typeof quotes;\n`;
    expect(
      await violations({
        'server/db/schema/index.ts': 'export const quotes = 1;\n',
        'server/modules/quotes/quotes.service.ts': schema,
        'server/modules/quotes/quote-types.ts': `import type { quotes } from '../../db/schema/index.ts';\nexport type Q = typeof quotes;\n`,
        'server/modules/quotes/quotes.queries.ts': schema,
        'server/modules/quotes/quotes.test.ts': schema,
        'server/modules/orders/orders.service.ts': schema,
        'server/use-cases/place-order.ts': schemaInUseCase,
        'server/use-cases/place-order.test.ts': schemaInUseCase,
      }),
    ).toEqual([
      'schema-in-queries-only: server/modules/orders/orders.service.ts → server/db/schema/index.ts',
      'schema-in-queries-only: server/modules/quotes/quote-types.ts → server/db/schema/index.ts',
      'schema-in-queries-only: server/modules/quotes/quotes.service.ts → server/db/schema/index.ts',
      'schema-in-queries-only: server/use-cases/place-order.ts → server/db/schema/index.ts',
    ]);
  });

  it('refuse files importing each other in a circle', async () => {
    const found = await violations({
      'server/lib/a.ts': `import { b } from './b.ts';\nexport const a = () => b;\n`,
      'server/lib/b.ts': `import { a } from './a.ts';\nexport const b = () => a;\n`,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((v) => v.startsWith('no-circular: server/lib/'))).toBe(true);
  });
});
