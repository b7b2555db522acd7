import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const healthApi = {
  check: endpoint({
    method: 'GET',
    path: '/api/health',
    operationId: 'health',
    summary: 'Liveness with a database round trip',
    tag: 'health',
    response: z
      .object({ status: z.literal('ok'), database: z.enum(['postgres', 'pglite']) })
      .meta({ id: 'Health' }),
  }),
};
