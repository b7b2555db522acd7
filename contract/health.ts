import { z } from 'zod';
import { endpoint } from './endpoint.ts';

const DatabaseKind = z.enum(['postgres', 'pglite']);

export const healthApi = {
  check: endpoint({
    method: 'GET',
    path: '/api/health',
    operationId: 'health',
    summary: 'Liveness with a database round trip (kept for scripts; probes use live and ready)',
    tag: 'health',
    response: z.object({ status: z.literal('ok'), database: DatabaseKind }).meta({ id: 'Health' }),
  }),
  live: endpoint({
    method: 'GET',
    path: '/api/health/live',
    operationId: 'healthLive',
    summary:
      'Liveness: 200 while the process runs and answers, whatever its database (restart it only when this fails)',
    tag: 'health',
    response: z.object({ status: z.literal('alive') }).meta({ id: 'HealthLive' }),
  }),
  ready: endpoint({
    method: 'GET',
    path: '/api/health/ready',
    operationId: 'healthReady',
    summary:
      'Readiness: 200 when this instance takes requests; 503 with health.starting, health.stopping or health.database_down otherwise',
    tag: 'health',
    response: z.object({ status: z.literal('ready'), database: DatabaseKind }).meta({ id: 'HealthReady' }),
  }),
};
