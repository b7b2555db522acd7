import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Database } from './db/client.ts';
import { answerFrameworkError, registerErrorHandling } from './http/errors.ts';
import { newLifecycle } from './http/lifecycle.ts';
import { loggerOptions } from './http/log-redaction.ts';
import type { Portal, PortalMail } from './http/portal.ts';
import { type Clock, systemClock } from './http/request-meta.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { PayPalGateway } from './modules/payments/paypal/paypal-gateway.ts';
import type { PaymentProvider } from './modules/payments/provider.ts';
import './modules/payments/portal-payments.ts';
import { sessionGate } from './modules/sessions/session-gate.ts';
import { metrics } from './plugins/metrics.ts';
import { openApi } from './plugins/openapi.ts';
import { requestIdGenerator, requestIdHeader } from './plugins/request-id.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { webApp } from './plugins/web-app.ts';
import { authRoutes } from './routes/api/auth/auth.routes.ts';
import { cartRoutes } from './routes/api/cart/cart.routes.ts';
import { catalogAdminRoutes } from './routes/api/catalog/catalog.admin.routes.ts';
import { catalogRoutes } from './routes/api/catalog/catalog.routes.ts';
import { accountAdminRoutes } from './routes/api/customers/account-admin.routes.ts';
import { customerRoutes } from './routes/api/customers/customers.routes.ts';
import { managedAccountRoutes } from './routes/api/customers/managed-accounts.routes.ts';
import { healthRoutes } from './routes/api/health/health.routes.ts';
import { invoiceAdminRoutes } from './routes/api/invoices/invoices.admin.routes.ts';
import { invoiceRoutes } from './routes/api/invoices/invoices.routes.ts';
import { licenseRoutes } from './routes/api/licenses/licenses.routes.ts';
import { mailboxRoutes } from './routes/api/mail/mailbox.routes.ts';
import { orderRoutes } from './routes/api/orders/orders.routes.ts';
import { partnerUserRoutes } from './routes/api/partners/partner-users.routes.ts';
import { partnerAdminRoutes } from './routes/api/partners/partners.admin.routes.ts';
import { companyProfileRoutes } from './routes/api/partners/partners.routes.ts';
import { paymentMethodRoutes } from './routes/api/payments/payments.routes.ts';
import { quoteAdminRoutes } from './routes/api/quotes/quotes.admin.routes.ts';
import { quoteRoutes } from './routes/api/quotes/quotes.routes.ts';
import { sandboxPaymentRoutes } from './routes/sandbox/sandbox.routes.ts';

export interface AppOptions {
  database: Database;
  logLevel?: string;
  /** Where log lines go; default standard output (tests keep them in memory). */
  logStream?: DestinationStream;
  cookieSecure?: boolean;
  /** Folder of the built web app; served with an index.html fallback when present. */
  webRoot?: string;
  /** Which X-Forwarded-For hops to trust: a hop count or the balancers' addresses (never all). */
  trustProxy?: number | string[];
  /** The time of every request; tests move it instead of waiting. */
  clock?: Clock;
  /**
   * Check every answer against the contract's response schema before sending it (development and
   * tests: a presenter that drifts from the contract fails loudly). Production sends the
   * presenter's object as it is: the check costs 10 % of a quote's CPU.
   */
  checkResponses?: boolean;
  jobs: JobQueue;
  /** The bearer token of GET /metrics; without one, /metrics answers 404. */
  metricsToken?: string | undefined;
  mail?: PortalMail;
  /** The payment provider orders are charged through (main.ts configures it). */
  payments: PaymentProvider;
  /** PayPal, where offered (main.ts configures it). */
  paypal?: PayPalGateway | null;
}

/** A hop count trusts that many proxies in front; addresses trust exactly those. */
function trustProxyOf(setting: AppOptions['trustProxy']) {
  if (setting === undefined) return false;
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}

const defaultWebRoot = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Builds the whole HTTP application; `main.ts` listens, tests call `inject` or listen on port 0. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info', options.logStream),
    trustProxy: trustProxyOf(options.trustProxy),
    // Every log line of a request carries `reqId`, the id its answer names in X-Request-Id.
    genReqId: requestIdGenerator(options.trustProxy),
    bodyLimit: 256 * 1024,
    frameworkErrors: answerFrameworkError,
  });
  // The API takes JSON only: a text/plain body would reach the schemas as one string and be
  // refused with a puzzling message, where 415 says what is wrong.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    options.checkResponses === false ? () => (data: unknown) => JSON.stringify(data) : serializerCompiler,
  );
  registerErrorHandling(app);

  const { db } = options.database;
  const portal: Portal = {
    database: options.database,
    db,
    clock: options.clock ?? systemClock,
    cookieSecure: options.cookieSecure ?? false,
    sessions: sessionGate(options.database),
    jobs: options.jobs,
    mail: options.mail ?? { publicUrl: 'http://127.0.0.1:3000', devMailbox: false },
    payments: options.payments,
    paypal: options.paypal ?? null,
    // Ready when main.ts (or the test harness) has started everything around the app.
    lifecycle: newLifecycle(),
  };
  app.decorate('portal', portal);

  await app.register(requestIdHeader);
  await app.register(metrics, { token: options.metricsToken });
  await app.register(fastifyCookie);
  await app.register(securityHeaders);
  await app.register(openApi);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(customerRoutes);
  await app.register(managedAccountRoutes);
  await app.register(accountAdminRoutes);
  await app.register(licenseRoutes);
  await app.register(catalogRoutes);
  await app.register(cartRoutes);
  await app.register(quoteRoutes);
  await app.register(partnerAdminRoutes);
  await app.register(catalogAdminRoutes);
  await app.register(quoteAdminRoutes);
  await app.register(invoiceAdminRoutes);
  await app.register(partnerUserRoutes);
  await app.register(companyProfileRoutes);
  await app.register(mailboxRoutes);
  await app.register(orderRoutes);
  await app.register(invoiceRoutes);
  await app.register(paymentMethodRoutes);
  await app.register(sandboxPaymentRoutes);

  await app.register(webApp, { webRoot: options.webRoot ?? defaultWebRoot });
  return app;
}
