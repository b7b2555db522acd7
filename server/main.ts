import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DEMO_PASSWORD, DEMO_STAFF_EMAIL, demoLogins, loadDemoData } from './demo/demo-data.ts';
import { startJobQueue } from './jobs/job-queue.ts';
import { startMaintenance } from './maintenance.ts';
import { devMailboxTransport, smtpTransport, startMailDelivery } from './modules/mail/delivery.ts';
import { setAttemptLease } from './modules/orders/order-attempts.ts';
import { adyenProvider } from './modules/payments/adyen/adyen-provider.ts';
import { paypalCheckout } from './modules/payments/paypal/paypal-checkout.ts';
import { startRefunds } from './modules/payments/refunds.ts';
import { sandboxPayPal } from './modules/payments/sandbox/sandbox-paypal.ts';
import { sandboxProvider } from './modules/payments/sandbox/sandbox-provider.ts';
import { sandboxStoreFor } from './modules/payments/sandbox/sandbox-store.ts';
import { startOrderRecovery } from './use-cases/settle-order-attempts.ts';

const config = loadConfig();
setAttemptLease(config.orderRecovery.leaseMs);
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  readUrl: config.databaseReadUrl,
  dataDir: config.dataDir,
  ...(config.databasePoolSize ? { poolSize: config.databasePoolSize } : {}),
});
await database.migrate();
const seeded = config.demoData ? await loadDemoData(database.db) : false;

const jobs = await startJobQueue(database, config.jobs);
const transport = config.mail.smtpUrl
  ? smtpTransport(config.mail.smtpUrl)
  : config.mail.devMailbox
    ? devMailboxTransport()
    : null;
// Any app process delivers the outbox; without a way out, emails wait in it (never dropped).
if (transport) await startMailDelivery(jobs, database.db, transport, { from: config.mail.from });

// The built-in sandbox provider by default; Adyen by configuration (docs/PAYMENTS.md).
const sandbox =
  config.payments.provider === 'sandbox' ? sandboxProvider(sandboxStoreFor(config.databaseUrl)) : null;
const payments =
  config.payments.provider === 'adyen'
    ? adyenProvider({ ...config.payments, returnUrl: `${config.mail.publicUrl}/orders` })
    : (sandbox as NonNullable<typeof sandbox>);
// PayPal itself when configured; otherwise the sandbox's stand-in while the sandbox takes cards.
const paypal = config.paypal
  ? paypalCheckout(config.paypal)
  : sandbox
    ? sandboxPayPal(sandbox.store, { publicUrl: config.mail.publicUrl })
    : null;

// Any app process retries the refunds of failed orders that could not be made at the time.
await startRefunds(jobs, { payments, paypal });

const app = await buildApp({
  database,
  jobs,
  payments,
  paypal,
  mail: { publicUrl: config.mail.publicUrl, devMailbox: config.mail.devMailbox },
  logLevel: config.logLevel,
  cookieSecure: config.cookieSecure,
  checkResponses: config.checkResponses,
  metricsToken: config.metricsToken,
  ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
});
const stopMaintenance = startMaintenance(database.db, app.log);
// Any app process settles Place order attempts a dead process left between their steps.
const stopOrderRecovery = startOrderRecovery(
  database.db,
  { payments, paypal, jobs, mail: app.portal.mail },
  { clock: app.portal.clock, log: app.log, everyMs: config.orderRecovery.everyMs },
);
await app.listen({ host: config.host, port: config.port });
app.portal.lifecycle.state = 'ready';

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
  console.log(`Vendor staff (back office at ${url}/admin): ${DEMO_STAFF_EMAIL}`);
  console.log(`Account admins of customers start at ${url}/account-admin (Acme: it@acme.test)`);
}
if (config.mail.devMailbox) console.log(`Emails the portal sends: ${url}/dev/mailbox`);
else if (!config.mail.smtpUrl) console.log('SMTP_URL is not set: emails wait in the outbox until it is.');

/**
 * SIGTERM (a deploy, the orchestrator) or SIGINT: readiness turns to `stopping`, the listener
 * closes at once (new connections are refused; a new request on a kept-alive connection gets 503),
 * requests in flight and jobs under way finish, then the database closes and the process exits 0.
 * Past SHUTDOWN_TIMEOUT_MS it exits 1 anyway: what was still running is abandoned, and the jobs
 * are taken again by another process (Place order attempts by the recovery).
 */
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const deadline = Date.now() + config.shutdownTimeoutMs;
  app.portal.lifecycle.state = 'stopping';
  app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
  setTimeout(() => {
    app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown deadline passed: exiting anyway');
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
  stopMaintenance();
  stopOrderRecovery();
  await Promise.all([app.close(), jobs.stop(Math.max(0, deadline - Date.now()))]);
  await sandbox?.store.close();
  transport?.close();
  await database.close();
  app.log.info({ signal, tookMs: config.shutdownTimeoutMs - (deadline - Date.now()) }, 'stopped');
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
