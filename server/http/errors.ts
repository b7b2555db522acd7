import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../../contract/errors.ts';
import { fieldOf, ruleMessage, ruleOf } from '../../contract/validation.ts';
import { databaseErrorCode, transientDatabaseErrors } from '../db/errors.ts';
import { DomainError } from '../lib/errors.ts';

/** The first problem of a request that failed its schema, as `validation.<rule>` with the field. */
function validationError(error: FastifyError & { validation: unknown[] }): ApiError {
  const [first] = error.validation as {
    keyword: string;
    instancePath: string;
    message?: string;
    params?: Record<string, unknown>;
  }[];
  const issue = {
    ...first?.params,
    code: first?.keyword ?? 'invalid',
    message: first?.message,
    path: (first?.instancePath ?? '').split('/').filter(Boolean),
  };
  const { rule, params } = ruleOf(issue);
  const body: ApiError = { code: `validation.${rule}`, message: ruleMessage(rule, params) };
  const field = fieldOf(issue);
  if (field) body.field = field;
  if (Object.keys(params).length > 0) body.params = params;
  return body;
}

/** The one place where errors become HTTP answers: `{ code, message, field?, params? }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const body: ApiError = { code: error.code, message: error.message };
      if (error.field) body.field = error.field;
      if (error.params) body.params = error.params;
      if (error.retryAfterSeconds !== undefined) {
        body.retryAfterSeconds = error.retryAfterSeconds;
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return reply.code(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send(validationError(error));
    }
    const transient = transientDatabaseErrors[databaseErrorCode(error) ?? ''];
    if (transient) {
      request.log.warn({ err: error }, 'database busy or slow');
      reply.header('retry-after', '1');
      return reply
        .code(503)
        .send({ code: transient, message: 'The database is busy. Please try again in a moment.' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ code: `request.${(error.code ?? 'invalid').toLowerCase()}`, message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ code: 'internal', message: 'Something went wrong on our side.' });
  });
}
