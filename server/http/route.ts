import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Endpoint } from '../../contract/endpoint.ts';
import { ApiError } from '../../contract/errors.ts';
import { type Permission, roleHasPermission } from '../../contract/permissions.ts';
import type { Db } from '../db/client.ts';
import { DomainError } from '../lib/errors.ts';
import { type Actor, findActor, SESSION_COOKIE } from '../modules/auth/sessions.ts';

type Infer<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined;

export interface RouteContext<E extends Endpoint> {
  params: Infer<E['params']>;
  query: Infer<E['query']>;
  body: Infer<E['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Result<E extends Endpoint> = Promise<z.input<E['response']>>;

/**
 * Who may call a route. Routes are private by default: `public` must be said out loud.
 * `authenticated` needs a session; a permission also needs the role to carry it (SPEC §1).
 */
export type Access = 'public' | 'authenticated' | Permission;

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function securityOf(method: string): Record<string, string[]> {
  return unsafeMethods.has(method) ? { session: [], csrf: [] } : { session: [] };
}

function schemaOf(endpoint: Endpoint, access: Access) {
  const status = endpoint.status ?? 200;
  return {
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(endpoint.params ? { params: endpoint.params } : {}),
    ...(endpoint.query ? { querystring: endpoint.query } : {}),
    ...(endpoint.body ? { body: endpoint.body } : {}),
    response: { [status]: endpoint.response, '4xx': ApiError },
    ...(access === 'public' ? {} : { security: [securityOf(endpoint.method)] }),
  };
}

async function authenticate(
  db: Db,
  request: FastifyRequest,
  access: Exclude<Access, 'public'>,
): Promise<Actor> {
  const token = request.cookies[SESSION_COOKIE];
  const actor = token ? await findActor(db, token) : null;
  if (!actor) throw new DomainError('unauthenticated', 'auth.required', 'Log in to continue.');
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
  if (access !== 'authenticated' && !roleHasPermission(actor.role, access)) {
    throw new DomainError('forbidden', 'auth.forbidden', `Your role (${actor.role}) may not do this.`);
  }
  return actor;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function register<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  access: Access,
  run: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: schemaOf(endpoint, access),
    handler: async (request, reply) => {
      const result = await run(request, reply);
      const status = endpoint.status ?? 200;
      if (status === 204) return reply.code(204).send();
      return reply.code(status).send(result);
    },
  });
}

function contextOf<E extends Endpoint>(request: FastifyRequest, reply: FastifyReply): RouteContext<E> {
  return {
    params: request.params as Infer<E['params']>,
    query: request.query as Infer<E['query']>,
    body: request.body as Infer<E['body']>,
    request,
    reply,
  };
}

/** A route anyone may call (login, health). */
export function publicRoute<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: (ctx: RouteContext<E>) => Result<E>,
): void {
  register(app, endpoint, 'public', (request, reply) => handler(contextOf<E>(request, reply)));
}

/** A route for a logged-in partner user holding `access`; the handler receives the actor. */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  db: Db,
  endpoint: E,
  access: Exclude<Access, 'public'>,
  handler: (ctx: RouteContext<E> & { actor: Actor }) => Result<E>,
): void {
  register(app, endpoint, access, async (request, reply) => {
    const actor = await authenticate(db, request, access);
    return handler({ ...contextOf<E>(request, reply), actor });
  });
}
