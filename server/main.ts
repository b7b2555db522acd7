import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DEMO_PASSWORD, DEMO_STAFF_EMAIL, demoLogins, loadDemoData } from './db/demo-data.ts';
import { startMaintenance } from './maintenance.ts';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  ...(config.databasePoolSize ? { poolSize: config.databasePoolSize } : {}),
});
await database.migrate();
const seeded = config.demoData ? await loadDemoData(database.db) : false;

const app = await buildApp({
  database,
  logLevel: config.logLevel,
  cookieSecure: config.cookieSecure,
  checkResponses: config.checkResponses,
  ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
});
const stopMaintenance = startMaintenance(database.db, app.log);
await app.listen({ host: config.host, port: config.port });

const url = `http://${config.host}:${(app.server.address() as { port: number }).port}`;
const where =
  database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
console.log(`\nPartner Portal is running at ${url}  (database: ${where})`);
console.log(`API reference: ${url}/api/docs`);
if (config.demoData) {
  console.log(
    `Demo data ${seeded ? 'loaded' : 'already present'}. Demo logins (password: ${DEMO_PASSWORD}):`,
  );
  for (const login of demoLogins)
    console.log(`  ${login.email.padEnd(30)} ${login.role.padEnd(8)} ${login.partner}`);
  console.log(`Vendor staff (back office API under /api/admin): ${DEMO_STAFF_EMAIL}`);
}

async function shutdown(signal: string) {
  app.log.info({ signal }, 'shutting down');
  stopMaintenance();
  await app.close();
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
