import type { FastifyRequest } from 'fastify';
import { type DestinationStream, type LogFn, type Logger, type LoggerOptions, stdSerializers } from 'pino';

/**
 * What the request log must not keep (issue 16): one-time tokens travel in paths and query
 * strings, and database errors carry every bind parameter (emails, password hashes, sealed license
 * keys). Secrets are cut out where they enter the log, so a new log line cannot forget to.
 */
const REDACTED = '[redacted]';

/** Path segments that are the secret themselves: the segment after each of these. */
const secretPathSegment =
  /(\/(?:invitations|account-admin\/sign-in|sandbox-pay\/paypal|sandbox-pay\/tokens)\/+)[^/?#\s"'`]+/gi;

/**
 * Query parameters that carry a token or personal data: PayPal's return (`token`, `PayerID`,
 * `approval_token_id`, `ba_token`), card-provider returns (Adyen's `redirectResult`, `sessionId`,
 * 3-D Secure's `MD`/`PaRes`), OAuth-style codes, and searches that may hold an email or a key.
 */
const secretParams = new Set([
  'token',
  'payerid',
  'approval_token_id',
  'ba_token',
  'setup_token',
  'paymentid',
  'redirectresult',
  'sessionid',
  'sessiondata',
  'sessionresult',
  'payload',
  'md',
  'pares',
  'code',
  'state',
  'password',
  'email',
  'q',
  'key',
]);
const secretParamInText = new RegExp(`([?&](?:${[...secretParams].join('|')})=)[^&#\\s"'\`]*`, 'gi');

/** Drizzle puts the bind values at the end of its message (`Failed query: …\nparams: …`). */
const drizzleParams = /\nparams: [\s\S]*$/;

/** Tokens and Drizzle's bind values out of free text (a log message, an error's message). */
export function redactText(text: string): string {
  return text
    .replace(secretPathSegment, `$1${REDACTED}`)
    .replace(secretParamInText, `$1${REDACTED}`)
    .replace(drizzleParams, `\nparams: ${REDACTED}`);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A request URL as it may be logged: secret path segments and query values replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const rawPath = at === -1 ? url : url.slice(0, at);
  // The router decodes the path, so `/api/%69nvitations/<token>` reaches the same route.
  const readable = decoded(rawPath);
  const path = redactText(readable) !== readable ? redactText(readable) : rawPath;
  if (at === -1) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return secretParams.has(decoded(name.replace(/\+/g, ' ')).toLowerCase()) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/** Where drivers keep a failed statement's bind values: pg's callers, PGlite, Drizzle. */
const bindValueFields = new Set(['params', 'parameters', 'queryOptions']);

const sqlStateOf = (error: object): string | undefined => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/**
 * PostgreSQL repeats the offending values in its text: `Key (email)=(a@b.test) already exists`,
 * `Failing row contains (…)`, and for bad data (class 22) `invalid input syntax for type uuid: "…"`.
 */
function redactDatabaseText(text: string, sqlState: string | undefined): string {
  const values = text
    .replace(/(\)=\()[\s\S]*(\))/, `$1${REDACTED}$2`)
    .replace(/(Failing row contains \()[\s\S]*(\))/, `$1${REDACTED}$2`);
  return sqlState?.startsWith('22') ? values.replace(/"[^"]*"/g, `"${REDACTED}"`) : values;
}

interface ErrorLike {
  message: string;
  stack?: string;
  cause?: unknown;
  errors?: unknown;
  [field: string]: unknown;
}

const isErrorLike = (value: unknown): value is ErrorLike =>
  typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';

/**
 * A copy of the error (and its causes) without bind values, of the same class so the log still
 * names it; the original is left as it is for whoever else holds it.
 */
export function redactError(error: unknown, depth = 0): unknown {
  if (!isErrorLike(error) || depth > 5) return error;
  const sqlState = sqlStateOf(error);
  const copy = Object.create(Object.getPrototypeOf(error)) as ErrorLike;
  const redactString = (text: string) =>
    sqlState ? redactDatabaseText(redactText(text), sqlState) : redactText(text);
  for (const [field, value] of Object.entries(error)) {
    if (bindValueFields.has(field)) continue;
    // The statement's text has placeholders, not values; PostgreSQL's own texts may hold values.
    copy[field] =
      typeof value !== 'string' ? value : field === 'query' ? redactText(value) : redactString(value);
  }
  const message = redactString(error.message);
  Object.defineProperty(copy, 'message', { value: message, writable: true, configurable: true });
  if (typeof error.stack === 'string') {
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    const name = (error as { name?: unknown }).name;
    copy.stack = [`${typeof name === 'string' ? name : 'Error'}: ${message}`, ...frames].join('\n');
  }
  if (error.cause !== undefined) copy.cause = redactError(error.cause, depth + 1);
  if (Array.isArray(error.errors)) copy.errors = error.errors.map((e) => redactError(e, depth + 1));
  return copy;
}

/**
 * Pino keeps only the message and stack of an error's causes, so the SQLSTATE and constraint of
 * the driver's error under Drizzle's would be lost: they are shown beside it, values redacted.
 */
function databaseFieldsOf(error: unknown): Record<string, unknown> | undefined {
  for (let current = error, depth = 0; isErrorLike(current) && depth < 5; depth++) {
    const sqlState = sqlStateOf(current);
    if (sqlState) {
      const fields: Record<string, unknown> = { code: sqlState };
      for (const field of ['constraint', 'table', 'column', 'detail'] as const) {
        const value = current[field];
        if (typeof value === 'string') fields[field] = redactDatabaseText(value, sqlState);
      }
      return fields;
    }
    current = current.cause;
  }
  return undefined;
}

function errorSerializer(error: unknown) {
  const serialized = stdSerializers.err(redactError(error) as Error);
  const database = databaseFieldsOf(error);
  return database && typeof serialized === 'object' ? Object.assign(serialized, { database }) : serialized;
}

/** Fastify's request fields, with the URL redacted and no headers (cookies, CSRF token). */
function requestSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    // A request-like object logged by hand may have no URL.
    url: typeof request.url === 'string' ? redactUrl(request.url) : undefined,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * A message text is a secret's way around the serializers: Fastify logs `Route GET:<url> not
 * found` and an error's message as the line's text, and pino takes an Error's message when it is
 * logged on its own.
 */
function logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
  const [first, ...rest] = args as unknown[];
  const texts = rest.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
  if (first instanceof Error && typeof texts[0] !== 'string') {
    texts.unshift((redactError(first) as ErrorLike).message);
  }
  const head =
    first instanceof Error ? { err: first } : typeof first === 'string' ? redactText(first) : first;
  // pino's own overloads cannot be named from a spread of unknowns; the values are as given.
  (method as (...values: unknown[]) => void).apply(this, [head, ...texts]);
}

/** Pino's options for the app's logger: the serializers above and headers that never show. */
export function loggerOptions(
  level: string,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    serializers: {
      req: requestSerializer,
      err: errorSerializer,
    },
    redact: {
      // Whatever a handler logs of a request's or reply's headers by hand.
      paths: [
        'headers.cookie',
        'headers.authorization',
        'headers["x-csrf-token"]',
        'headers["set-cookie"]',
        '*.headers.cookie',
        '*.headers.authorization',
        '*.headers["x-csrf-token"]',
        '*.headers["set-cookie"]',
        'password',
        '*.password',
      ],
      censor: REDACTED,
    },
    hooks: { logMethod },
    ...(stream ? { stream } : {}),
  };
}
