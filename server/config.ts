import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import type { PayPalSettings } from './modules/payments/paypal/paypal-checkout.ts';

const boolean = z.enum(['true', 'false']).optional();

/** An address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
const isAddressOrRange = (value: string) => {
  const [address = '', bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
};

/**
 * Behind a load balancer, which X-Forwarded-For entries to believe: a number of hops, or the
 * balancers' addresses. "Trust everything" is refused: a client could then write its own address
 * into the rate limits and the audit log.
 */
const TrustProxy = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = value?.trim() ?? '';
    if (text === '' || text === 'false') return undefined;
    if (/^\d+$/.test(text)) return Number(text);
    const addresses = text.split(',').map((a) => a.trim());
    if (addresses.every(isAddressOrRange)) return addresses;
    ctx.addIssue({
      code: 'custom',
      message:
        'give the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.1,10.0.1.0/24); "true" would trust any client',
    });
    return z.NEVER;
  });

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where the server listens; outside production only this machine (loopback) may reach it. */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A real PostgreSQL server; without it the app runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('postgres').optional()),
  /**
   * A streaming-replication standby of DATABASE_URL's database: list pages and searches read from
   * it, except for a user whose last write it has not replayed yet (docs/ARCHITECTURE.md, "Read
   * replica"). PostgreSQL only.
   */
  DATABASE_READ_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().startsWith('postgres').optional(),
  ),
  /** Connections per app process; default twice the cores, at least 4. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  DATA_DIR: z.string().default('./data'),
  /**
   * Load the demo partners, users and customers on first start. Default: yes on the embedded
   * database, no on a PostgreSQL server (the demo password is published), never in production.
   */
  DEMO_DATA: boolean,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: TrustProxy,
  /** Serve cookies with the Secure flag (behind HTTPS). */
  COOKIE_SECURE: boolean,
  /** Check answers against the contract before sending them; default: everywhere but production. */
  CHECK_RESPONSES: boolean,
  /**
   * Where emails go: `smtp://user:pass@host:587` or `smtps://…`. Without it, sent emails are kept in
   * the development mailbox (demo mode only) instead of leaving the machine.
   */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\//)
      .optional(),
  ),
  /** The sender of the portal's emails. */
  MAIL_FROM: z.string().default('Partner Portal <no-reply@partner-portal.test>'),
  /** The payment provider orders are charged through (docs/PAYMENTS.md). */
  PAYMENT_PROVIDER: z.enum(['sandbox', 'adyen']).default('sandbox'),
  ADYEN_API_KEY: z.string().optional(),
  ADYEN_MERCHANT_ACCOUNT: z.string().optional(),
  /** Required in production (`LIVE`, or `TEST` for a staging deployment); default `TEST` elsewhere. */
  ADYEN_ENVIRONMENT: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['TEST', 'LIVE']).optional()),
  ADYEN_LIVE_PREFIX: z.string().optional(),
  /** PayPal (Orders v2 and the Vault) beside the card provider; without them the sandbox's stand-in is offered while the sandbox takes cards. */
  PAYPAL_CLIENT_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  PAYPAL_CLIENT_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Required in production with PayPal (`live`, or `sandbox` for staging); default `sandbox` elsewhere. */
  PAYPAL_ENVIRONMENT: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['sandbox', 'live']).optional()),
  /** Send PayPal's calls to this origin instead (an egress proxy). */
  PAYPAL_API_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  /** Seals license keys in the database (see license-key-vault.ts); required in production. */
  LICENSE_KEY_SECRET: z.string().min(16).optional(),
  /** The portal's address as users reach it, for links in emails; default: the local one. */
  PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  /** The bearer token Prometheus sends to GET /metrics; unset, /metrics answers 404. */
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).optional()),
  /** How long a SIGTERM waits for requests and jobs in flight before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * How long a Place order request (or the recovery) may work on an order attempt before another
   * may take it over: longer than the provider's answer may take (30 s) and the order's recording.
   */
  ORDER_ATTEMPT_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** How often each process looks for order attempts a dead process left between their steps. */
  ORDER_RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** How long a background job may stay active before another process takes it (its process died). */
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
  /** How often pg-boss looks for such jobs. */
  JOB_SUPERVISE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  /** The standby list pages and searches read from; only with `databaseUrl`. */
  databaseReadUrl: string | undefined;
  databasePoolSize: number | undefined;
  dataDir: string;
  demoData: boolean;
  logLevel: string;
  cookieSecure: boolean;
  trustProxy: number | string[] | undefined;
  checkResponses: boolean;
  metricsToken: string | undefined;
  shutdownTimeoutMs: number;
  orderRecovery: { leaseMs: number; everyMs: number };
  jobs: { expireInSeconds: number; superviseIntervalSeconds: number };
  mail: MailConfig;
  /** PayPal itself; null: the sandbox's stand-in where the sandbox takes cards, else no PayPal. */
  paypal: PayPalSettings | null;
  payments:
    | { provider: 'sandbox' }
    | {
        provider: 'adyen';
        apiKey: string;
        merchantAccount: string;
        environment: 'TEST' | 'LIVE';
        liveEndpointUrlPrefix: string | undefined;
      };
};

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  /** Demo data: the app lists the emails it sent (kept in the mailbox when there is no SMTP server). */
  devMailbox: boolean;
  publicUrl: string;
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * This machine only: 127.0.0.0/8, ::1 (IPv4-mapped forms included) and `localhost`. The wildcards
 * `0.0.0.0` and `::` listen on every interface, so they are not.
 */
export function isLoopbackHost(host: string): boolean {
  const address = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (address === 'localhost') return true;
  const version = isIP(address);
  return version !== 0 && loopback.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** The environment, parsed once at boot; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  // Outside production the sandbox provider (test cards, a published key secret), demo data and
  // cookies without Secure are the defaults: fine on a developer's machine, not on a network.
  if (e.NODE_ENV !== 'production' && !isLoopbackHost(e.HOST)) {
    throw new Error(
      `Invalid configuration: HOST=${e.HOST} is reachable from other machines; set NODE_ENV=production to serve beyond this machine (or HOST=127.0.0.1 to stay local)`,
    );
  }
  if (e.NODE_ENV === 'production' && e.PAYMENT_PROVIDER === 'sandbox') {
    throw new Error(
      'Invalid configuration: the sandbox payment provider takes test cards only: set PAYMENT_PROVIDER in production',
    );
  }
  if (e.PAYMENT_PROVIDER === 'adyen' && (!e.ADYEN_API_KEY || !e.ADYEN_MERCHANT_ACCOUNT)) {
    throw new Error(
      'Invalid configuration: PAYMENT_PROVIDER=adyen needs ADYEN_API_KEY and ADYEN_MERCHANT_ACCOUNT',
    );
  }
  if ((e.PAYPAL_CLIENT_ID === undefined) !== (e.PAYPAL_CLIENT_SECRET === undefined)) {
    throw new Error('Invalid configuration: PayPal needs both PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET');
  }
  // A missing environment used to mean the test one: production names it, live or (staging) not.
  if (e.NODE_ENV === 'production' && e.PAYMENT_PROVIDER === 'adyen' && !e.ADYEN_ENVIRONMENT) {
    throw new Error(
      'Invalid configuration: set ADYEN_ENVIRONMENT in production: LIVE, or TEST for a staging deployment',
    );
  }
  if (e.NODE_ENV === 'production' && e.PAYPAL_CLIENT_ID && !e.PAYPAL_ENVIRONMENT) {
    throw new Error(
      'Invalid configuration: set PAYPAL_ENVIRONMENT in production: live, or sandbox for a staging deployment',
    );
  }
  if (e.NODE_ENV === 'production' && !e.LICENSE_KEY_SECRET) {
    throw new Error(
      'Invalid configuration: LICENSE_KEY_SECRET is required in production (16 characters or more)',
    );
  }
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration: DATABASE_READ_URL names a standby of a PostgreSQL primary: set DATABASE_URL too',
    );
  }
  const demoByDefault = e.DATABASE_URL === undefined;
  const demoData =
    e.NODE_ENV !== 'production' && (e.DEMO_DATA === undefined ? demoByDefault : e.DEMO_DATA === 'true');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: e.DATA_DIR,
    demoData,
    logLevel: e.LOG_LEVEL,
    cookieSecure:
      e.COOKIE_SECURE === 'true' || (e.COOKIE_SECURE === undefined && e.NODE_ENV === 'production'),
    trustProxy: e.TRUST_PROXY,
    checkResponses:
      e.CHECK_RESPONSES === undefined ? e.NODE_ENV !== 'production' : e.CHECK_RESPONSES === 'true',
    metricsToken: e.METRICS_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    jobs: {
      expireInSeconds: e.JOB_EXPIRE_SECONDS,
      superviseIntervalSeconds: e.JOB_SUPERVISE_INTERVAL_SECONDS,
    },
    orderRecovery: { leaseMs: e.ORDER_ATTEMPT_LEASE_MS, everyMs: e.ORDER_RECOVERY_INTERVAL_MS },
    payments:
      e.PAYMENT_PROVIDER === 'adyen'
        ? {
            provider: 'adyen',
            apiKey: e.ADYEN_API_KEY ?? '',
            merchantAccount: e.ADYEN_MERCHANT_ACCOUNT ?? '',
            environment: e.ADYEN_ENVIRONMENT ?? 'TEST',
            liveEndpointUrlPrefix: e.ADYEN_LIVE_PREFIX,
          }
        : { provider: 'sandbox' },
    paypal:
      e.PAYPAL_CLIENT_ID && e.PAYPAL_CLIENT_SECRET
        ? {
            clientId: e.PAYPAL_CLIENT_ID,
            clientSecret: e.PAYPAL_CLIENT_SECRET,
            environment: e.PAYPAL_ENVIRONMENT ?? 'sandbox',
            endpointOverride: e.PAYPAL_API_URL,
          }
        : null,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      // Demo mode shows what the portal sent in the development mailbox, kept there without an SMTP
      // server or delivered over SMTP; outside demo mode without one, emails wait in the outbox.
      devMailbox: demoData,
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    },
  };
}
