import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../../contract/errors.ts';
import { DomainError } from '../lib/errors.ts';

/** Zod issue codes folded into the few validation codes the web app translates. */
function validationCode(keyword: string, params: Record<string, unknown>): string {
  if (keyword === 'invalid_type' && params.input === undefined) return 'validation.required';
  if (keyword === 'too_small')
    return params.origin === 'string' && params.minimum === 1
      ? 'validation.required'
      : 'validation.too_small';
  if (keyword === 'too_big') return 'validation.too_big';
  if (keyword === 'invalid_format') return 'validation.format';
  return 'validation.invalid';
}

/** The one place where errors become HTTP answers: `{ code, message, field? }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const body: ApiError = { code: error.code, message: error.message };
      if (error.field) body.field = error.field;
      if (error.retryAfterSeconds !== undefined) {
        body.retryAfterSeconds = error.retryAfterSeconds;
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return reply.code(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const [first] = error.validation;
      const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') || undefined;
      const body: ApiError = {
        code: validationCode(first?.keyword ?? '', (first?.params ?? {}) as Record<string, unknown>),
        message: first?.message ?? 'Invalid request.',
      };
      if (field) body.field = field;
      return reply.code(400).send(body);
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
