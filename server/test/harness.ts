import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database, Db } from '../db/client.ts';
import { loadDemoCatalog } from '../modules/catalog/demo-catalog.ts';
import { openTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  close(): Promise<void>;
}

/** The real application over a fresh database with the catalog loaded; no web build is served. */
export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  await loadDemoCatalog(database.db);
  const app = await buildApp({
    database,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    webRoot: '/nonexistent',
  });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
