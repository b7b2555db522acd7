import { z } from 'zod';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A real PostgreSQL server; without it the app runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('postgres').optional()),
  DATA_DIR: z.string().default('./data'),
  /** Load the demo partners, users and customers on first start (never in production). */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a load balancer: take the client address from X-Forwarded-For (rate limits, audit). */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  /** Serve cookies with the Secure flag (behind HTTPS). */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  logLevel: string;
  cookieSecure: boolean;
  trustProxy: boolean;
};

/** The environment, parsed once at boot; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    demoData: e.DEMO_DATA && e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE || e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
  };
}
