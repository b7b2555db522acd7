import { z } from 'zod';

/** Every error the API returns has this shape; `code` is stable and the web app translates it. */
export const ApiError = z
  .object({
    code: z.string().meta({
      description:
        'Stable machine-readable code, e.g. `quote.not_found`; invalid input gives `validation.<rule>`.',
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
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;
