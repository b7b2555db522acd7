import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.ts';

const databaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe('liveness and readiness', () => {
  it('tell starting, ready, stopping and a database that is down apart', async () => {
    const t = await startTestApp();
    const probe = async (path: 'live' | 'ready') => {
      const res = await t.app.inject({ method: 'GET', url: `/api/health/${path}` });
      return { status: res.statusCode, body: res.json() as { status?: string; code?: string } };
    };
    let closed = false;
    try {
      t.app.portal.lifecycle.state = 'starting';
      expect(await probe('ready')).toMatchObject({ status: 503, body: { code: 'health.starting' } });
      expect(await probe('live')).toEqual({ status: 200, body: { status: 'alive' } });

      t.app.portal.lifecycle.state = 'ready';
      expect(await probe('ready')).toEqual({
        status: 200,
        body: { status: 'ready', database: databaseKind },
      });

      t.app.portal.lifecycle.state = 'stopping';
      expect(await probe('ready')).toMatchObject({ status: 503, body: { code: 'health.stopping' } });

      // The database really goes away (its connections closed), the process stays up.
      t.app.portal.lifecycle.state = 'ready';
      await t.jobs.stop();
      await t.database.close();
      closed = true;
      const started = Date.now();
      expect(await probe('ready')).toMatchObject({ status: 503, body: { code: 'health.database_down' } });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await probe('live')).toEqual({ status: 200, body: { status: 'alive' } });
      // The old health check keeps its meaning: it fails without a database.
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBeGreaterThanOrEqual(
        500,
      );
    } finally {
      if (closed) {
        await t.app.close();
        await t.sandbox.store.close();
      } else await t.close();
    }
  });
});
