import { describe, expect, it } from 'vitest';
import type { Queryable } from './client.ts';
import { shapedStatements } from './shaped-statements.ts';

/** A stand-in for Drizzle's query builder that counts builds and records the names prepared. */
function counted() {
  const builds: string[] = [];
  const names: string[] = [];
  const run = shapedStatements(
    'things',
    (shape: { status?: string; search?: string }) => (shape.search ? null : (shape.status ?? 'any')),
    (db, shape) => {
      builds.push(`${(db as unknown as { label: string }).label}:${shape.status ?? shape.search ?? 'any'}`);
      return {
        prepare: (name: string) => {
          names.push(name);
          return { execute: async (values: { page: number }) => [{ page: values.page, name }] };
        },
      };
    },
  );
  return { run, builds, names };
}

const database = (label: string) => ({ label }) as unknown as Queryable;

describe('shapedStatements', () => {
  it('builds a statement once per database and shape, runs it with each call’s values', async () => {
    const { run, builds, names } = counted();
    const primary = database('primary');
    const standby = database('standby');
    expect(await run(primary, {}, { page: 1 })).toEqual([{ page: 1, name: 'pp_things_any' }]);
    expect(await run(primary, {}, { page: 2 })).toEqual([{ page: 2, name: 'pp_things_any' }]);
    await run(primary, { status: 'open' }, { page: 1 });
    await run(primary, { status: 'open' }, { page: 3 });
    await run(standby, {}, { page: 1 });
    expect(builds).toEqual(['primary:any', 'primary:open', 'standby:any']);
    expect(names).toEqual(['pp_things_any', 'pp_things_open', 'pp_things_any']);
  });

  it('builds a shape without a key (a search) every time, as an unnamed statement', async () => {
    const { run, builds, names } = counted();
    const primary = database('primary');
    await run(primary, { search: 'acme' }, { page: 1 });
    await run(primary, { search: 'acme' }, { page: 1 });
    expect(builds).toEqual(['primary:acme', 'primary:acme']);
    expect(names).toEqual(['', '']);
  });
});
