import { z } from 'zod';
import { apiErrorCodes, errorCodes } from './error-codes.ts';

const codeList = Object.entries(errorCodes)
  .map(([code, meaning]) => `- \`${code}\`: ${meaning}`)
  .join('\n');

/** One problem of a request that failed its checks: the rule broken and the field it concerns. */
export const ApiIssue = z
  .object({
    code: z.string().meta({ description: 'Stable code of the rule broken: `validation.<rule>`.' }),
    message: z.string().meta({ description: 'English explanation for humans and logs.' }),
    field: z.string().optional().meta({ description: 'The request field, as a dotted path, if any.' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'ApiIssue' });
export type ApiIssue = z.infer<typeof ApiIssue>;

/** Every error the API returns has this shape; `code` is stable and the web app translates it. */
export const ApiError = z
  .object({
    code: z.enum(apiErrorCodes).meta({
      description: `Stable machine-readable code; invalid input gives \`validation.<rule>\`. The other codes:\n${codeList}`,
    }),
    message: z.string().meta({ description: 'English explanation for humans and logs.' }),
    field: z
      .string()
      .optional()
      .meta({ description: 'The request field the error concerns, as a dotted path, if any.' }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: 'Values the message refers to (a maximum length, a product code…).' }),
    retryAfterSeconds: z.number().int().optional(),
    issues: z.array(ApiIssue).optional().meta({
      description:
        'For invalid input (400): every problem of the request at once, each on its field; `code`, `field` and `params` above repeat the first.',
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;

/**
 * An error body as a client reads it: a code added by a newer server than the client knows is still
 * an error with an English message, not an unreadable answer.
 */
export const ReceivedApiError = ApiError.extend({ code: z.string() });
export type ReceivedApiError = z.infer<typeof ReceivedApiError>;
