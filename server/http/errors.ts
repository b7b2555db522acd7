import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../contract/error-codes.ts';
import type { ApiError, ApiIssue } from '../../contract/errors.ts';
import { fieldOf, ruleMessage, ruleOf } from '../../contract/validation.ts';
import { transientDatabaseError } from '../db/errors.ts';
import { DomainError } from '../lib/errors.ts';
import { standardHeaders } from '../plugins/security-headers.ts';

type SchemaIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** One problem of a request that failed its schema, as `validation.<rule>` with its field. */
function issueOf(problem: SchemaIssue | undefined): ApiIssue {
  const issue = {
    ...problem?.params,
    code: problem?.keyword ?? 'invalid',
    message: problem?.message,
    path: (problem?.instancePath ?? '').split('/').filter(Boolean),
  };
  const { rule, params } = ruleOf(issue);
  const body: ApiIssue = { code: `validation.${rule}`, message: ruleMessage(rule, params) };
  const field = fieldOf(issue);
  if (field) body.field = field;
  if (Object.keys(params).length > 0) body.params = params;
  return body;
}

/**
 * A request that failed its schema: every problem in `issues` (a form shows them all at once, not
 * one per round trip), and the first one also as the error's own code, field and params.
 */
function validationError(error: FastifyError & { validation: unknown[] }): ApiError {
  const problems = error.validation as SchemaIssue[];
  const issues = problems.length > 0 ? problems.map(issueOf) : [issueOf(undefined)];
  const [first] = issues as [ApiIssue, ...ApiIssue[]];
  return { ...first, code: first.code as ApiError['code'], issues };
}

/**
 * Fastify's own refusals of a request it could not read (a broken URL, body or content type), in
 * the API's words: a stable code of ours instead of Fastify's internal one.
 */
const unreadableRequest: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_BAD_URL: {
    code: 'request.bad_url',
    message: 'The address has a broken percent-encoding (such as %E0%A4%A): check the link.',
  },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'request.url_too_long', message: 'A part of the address is too long.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.invalid_json', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'request.empty_body',
    message: 'The body is empty, but its Content-Type says JSON.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'request.unsupported_media_type',
    message: 'Send the body as JSON, with Content-Type: application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.body_too_large', message: 'The body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'request.invalid_content_length',
    message: 'The Content-Length header does not match the body.',
  },
};

/**
 * A 4xx error Fastify raised itself, as the API's error body. One it has no code of ours for is
 * `request.invalid` with Fastify's message: every code the API sends is in the catalog.
 */
function requestError(error: FastifyError): ApiError {
  return unreadableRequest[error.code] ?? { code: 'request.invalid', message: error.message };
}

/**
 * Errors Fastify meets before any route or hook runs (a URL it cannot decode): answered like the
 * others, with the headers the hooks would have set.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400;
  reply.headers(standardHeaders(request.url)).code(status).send(requestError(error));
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
    const transient = transientDatabaseError(error);
    if (transient) {
      request.log.warn({ err: error }, 'database busy, slow or unreachable');
      reply.header('retry-after', '1');
      return reply.code(503).send({
        code: transient,
        message:
          transient === 'database.unavailable'
            ? 'The database connection was lost. Please try again in a moment.'
            : 'The database is busy. Please try again in a moment.',
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send(requestError(error));
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ code: 'internal', message: 'Something went wrong on our side.' });
  });
}
