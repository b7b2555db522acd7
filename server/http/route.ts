import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Endpoint } from '../../contract/endpoint.ts';
import { ApiError } from '../../contract/errors.ts';
import type { Permission } from '../../contract/permissions.ts';
import { IdempotencyKey } from '../../contract/validation.ts';
import { type Queryable, withPreparedStatements } from '../db/client.ts';
import { transientDatabaseError } from '../db/errors.ts';
import { readerFor } from '../db/reader.ts';
import { DomainError } from '../lib/errors.ts';
import { type ActorKind, type ActorOf, actorId, can } from '../shared/actor.ts';
import { SESSION_COOKIE, setSessionCookies } from './cookies.ts';
import { runIdempotent } from './idempotency.ts';
import type { RequestMeta } from './request-meta.ts';
import type { Lookup, LookupRead } from './session-gate.ts';

type Infer<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined;

export interface RouteContext<E extends Endpoint> {
  params: Infer<E['params']>;
  query: Infer<E['query']>;
  body: Infer<E['body']>;
  meta: RequestMeta;
  /** The database, or the request's transaction when the endpoint is idempotent. */
  db: Queryable;
  /**
   * The user's attempt at an idempotent endpoint: its Idempotency-Key, the same on a retry of it
   * (a call made without one is an attempt of its own). Calls to a provider carry it.
   */
  attemptKey: string;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Result<E extends Endpoint> = Promise<z.input<E['response']> | FileAnswer>;

/** A file a route answers with (a PDF, a CSV), sent as it is with its type and name. */
export class FileAnswer {
  /** The file, or a stream of it (an export read from the database as it is sent). */
  readonly bytes: Buffer | Readable;
  readonly filename: string;
  /** `inline` shows it in the browser's viewer; `attachment` downloads it. */
  readonly disposition: 'inline' | 'attachment';
  constructor(bytes: Buffer | Readable, filename: string, disposition: 'inline' | 'attachment' = 'inline') {
    this.bytes = bytes;
    this.filename = filename;
    this.disposition = disposition;
  }
}

export function defineLookup<T>(name: string, read: LookupRead<T>): Lookup<T> {
  return { name, read };
}

/**
 * Who may call a route: the kinds of actor, and for partner users the permission of their role
 * (SPEC §1). Routes are private unless registered with `publicRoute`.
 */
export interface Access<K extends ActorKind, T> {
  actors: readonly K[];
  permission?: Permission;
  lookup?: Lookup<T>;
  /**
   * `handler`: the endpoint is idempotent by its own record (Place order's attempt) or by the
   * provider's (PayPal's request ids, a stored token once), not by a transaction around the
   * handler: a transaction held open while a payment provider answers would hold a connection
   * (on the embedded database, every request) for seconds.
   */
  idempotency?: 'handler';
  /**
   * `standby`: a list page or search, read from the streaming-replication standby when one is
   * configured, unless the standby has not yet replayed the session's last write (then the
   * primary: a user always sees what they have just done). Such a route writes nothing.
   */
  reads?: 'standby';
  /**
   * `named`: the route's statements run as named statements, parsed and planned once per
   * connection instead of on every request (`withPreparedStatements`): for reads whose statements
   * are few and fixed — a document by its number, a list page — where planning costs more than
   * running (a page of the audit log: 2 ms to plan its joins, 0.1 ms to run them). Searches by a
   * pattern stay unnamed (see `nameOf`).
   */
  statements?: 'named';
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IDEMPOTENCY_HEADER = 'idempotency-key';

type Security = Record<string, string[]>[];

function securityOf(endpoint: Endpoint, isPublic: boolean): Security {
  if (isPublic) return [];
  return [unsafeMethods.has(endpoint.method) ? { session: [], csrf: [] } : { session: [] }];
}

function schemaOf(endpoint: Endpoint, isPublic: boolean) {
  const status = endpoint.status ?? 200;
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(endpoint.params ? { params: endpoint.params } : {}),
    // No query string declared: none is accepted, so a typo is an error rather than ignored.
    querystring: endpoint.query ?? z.strictObject({}),
    ...(endpoint.body ? { body: endpoint.body } : {}),
    ...(endpoint.idempotent
      ? { headers: z.looseObject({ [IDEMPOTENCY_HEADER]: IdempotencyKey.optional() }) }
      : {}),
    response: { [status]: endpoint.response, '4xx': ApiError, '5xx': ApiError },
    ...(endpoint.file ? { produces: [endpoint.file.contentType] } : {}),
    security: securityOf(endpoint, isPublic),
  };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const actorKindNames: Record<ActorKind, string> = {
  partner_user: 'partner users',
  vendor_staff: 'vendor staff',
  account_admin: 'account admins',
};

function contextOf<E extends Endpoint>(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const meta: RequestMeta = { ip: request.ip, requestId: String(request.id), now: app.portal.clock() };
  const key = request.headers[IDEMPOTENCY_HEADER];
  return {
    attemptKey: typeof key === 'string' ? key : randomUUID(),
    params: request.params as Infer<E['params']>,
    query: request.query as Infer<E['query']>,
    body: request.body as Infer<E['body']>,
    meta,
    db: app.portal.db as Queryable,
    request,
    reply,
  } satisfies RouteContext<E>;
}

function refuseUnexpectedBody(endpoint: Endpoint, request: FastifyRequest): void {
  if (!endpoint.body && request.body !== undefined && request.body !== null) {
    throw new DomainError('invalid', 'validation.unexpected_body', 'This request takes no body.');
  }
}

function register<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  isPublic: boolean,
  run: (ctx: RouteContext<E>) => Promise<{ status: number; body: unknown }>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: schemaOf(endpoint, isPublic),
    handler: async (request, reply) => {
      refuseUnexpectedBody(endpoint, request);
      const answer = await run(contextOf<E>(app, request, reply));
      if (answer.status === 204) return reply.code(204).send();
      if (answer.body instanceof FileAnswer && endpoint.file) {
        // A Buffer or a stream is sent as it is: Fastify serializes only objects.
        return reply
          .code(answer.status)
          .type(endpoint.file.contentType)
          .header('content-disposition', `${answer.body.disposition}; filename="${answer.body.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(answer.body.bytes);
      }
      return reply.code(answer.status).send(answer.body);
    },
  });
}

/** A route anyone may call (login, health). */
export function publicRoute<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: (ctx: RouteContext<E>) => Result<E>,
): void {
  register(app, endpoint, true, async (ctx) => ({
    status: endpoint.status ?? 200,
    body: await handler(ctx),
  }));
}

/**
 * A route for a logged-in actor of one of `access.actors`: the session is checked (one prepared
 * statement, which also runs the route's lookup if it has one), then the CSRF header on
 * state-changing methods, then the role's permission. The handler gets the actor and the lookup's
 * answer (`found`, null when nothing matched). An idempotent endpoint called with an
 * Idempotency-Key runs in a transaction that also stores its answer for retries.
 */
export function route<E extends Endpoint, K extends ActorKind, T = never>(
  app: FastifyInstance,
  endpoint: E,
  access: Access<K, T>,
  handler: (ctx: RouteContext<E> & { actor: ActorOf<K>; found: T | null }) => Result<E>,
): void {
  const status = endpoint.status ?? 200;
  if (access.reads === 'standby' && endpoint.idempotent) {
    throw new Error(`${endpoint.operationId}: a route that reads from the standby writes nothing`);
  }
  const { database, sessions } = app.portal;
  const run = (ctx: RouteContext<E>) =>
    access.statements === 'named' ? withPreparedStatements(() => respond(ctx)) : respond(ctx);
  register(app, endpoint, false, run);

  async function respond(ctx: RouteContext<E>) {
    const { actor, found, writtenLsn } = await authenticate(app, ctx, access);
    if (access.reads === 'standby') {
      const db = await readerFor(database, writtenLsn);
      try {
        return { status, body: await handler({ ...ctx, db, actor, found }) };
      } catch (error) {
        // The standby down or restarting costs a list page no answer: the primary serves it. (A
        // read writes nothing, so running it again is safe.)
        if (db === database.db || transientDatabaseError(error) !== 'database.unavailable') throw error;
        ctx.request.log.warn({ err: error }, 'standby unavailable: the primary serves this read');
        return { status, body: await handler({ ...ctx, db: database.db, actor, found }) };
      }
    }
    // With a standby serving list pages, a write of the session is recorded before its answer
    // leaves, so that the session's next list page waits for the standby or reads the primary.
    // A failed write is recorded too: some leave an audit row behind them.
    if (!database.standby || !unsafeMethods.has(ctx.request.method)) return handle(ctx, actor, found);
    const token = ctx.request.cookies[SESSION_COOKIE] as string;
    let answer: Awaited<ReturnType<typeof handle>>;
    try {
      answer = await handle(ctx, actor, found);
    } catch (error) {
      // The request's own error is what the user reads; a failure to note the write is logged.
      await sessions
        .noteWrite(token)
        .catch((noteError: unknown) => ctx.request.log.warn({ err: noteError }, 'write position not noted'));
      throw error;
    }
    await sessions.noteWrite(token);
    return answer;
  }

  async function handle(ctx: RouteContext<E>, actor: ActorOf<K>, found: T | null) {
    const key = endpoint.idempotent ? ctx.request.headers[IDEMPOTENCY_HEADER] : undefined;
    if (typeof key !== 'string' || access.idempotency === 'handler')
      return { status, body: await handler({ ...ctx, actor, found }) };
    const answer = await runIdempotent(
      app.portal.db,
      {
        ownerId: actorId(actor),
        key,
        method: ctx.request.method,
        url: ctx.request.url,
        body: ctx.request.body,
      },
      status,
      (tx) => handler({ ...ctx, db: tx, actor, found }),
    );
    if (answer.replayed) ctx.reply.header('idempotent-replayed', 'true');
    return answer;
  }
}

async function authenticate<E extends Endpoint, K extends ActorKind, T>(
  app: FastifyInstance,
  ctx: RouteContext<E>,
  access: Access<K, T>,
): Promise<{ actor: ActorOf<K>; found: T | null; writtenLsn: string | null }> {
  const { request, reply, meta } = ctx;
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw new DomainError('unauthenticated', 'auth.required', 'Log in to continue.');
  const session = await app.portal.sessions.check(
    token,
    meta.now,
    access.lookup,
    ctx.params as Record<string, unknown> | undefined,
  );
  if (!session) throw new DomainError('unauthenticated', 'auth.required', 'Log in to continue.');
  const { actor } = session;

  if (!(access.actors as readonly ActorKind[]).includes(actor.kind)) {
    throw new DomainError(
      'forbidden',
      'auth.wrong_actor',
      `This is for ${access.actors.map((k) => actorKindNames[k]).join(' and ')} only.`,
    );
  }
  if (unsafeMethods.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, actor.csrfToken)) {
      throw new DomainError(
        'forbidden',
        'auth.csrf',
        'Missing or wrong x-csrf-token header; reload the page.',
      );
    }
  }
  if (access.permission && !can(actor, access.permission)) {
    const role = actor.kind === 'partner_user' ? actor.role : actor.kind;
    throw new DomainError('forbidden', 'auth.forbidden', `Your role (${role}) may not do this.`);
  }
  if (session.touchDue) {
    const expiresAt = await app.portal.sessions.touch(token, meta.now);
    if (expiresAt) {
      setSessionCookies(reply, {
        token,
        csrfToken: actor.csrfToken,
        expiresAt,
        now: meta.now,
        secure: app.portal.cookieSecure,
      });
    }
  }
  return { actor: actor as ActorOf<K>, found: session.found, writtenLsn: session.writtenLsn };
}
