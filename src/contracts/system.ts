import { z } from 'zod';
import { defineContract } from './http';

export const getHealth = defineContract({
  method: 'GET',
  path: '/healthz',
  summary: 'Liveness and database check',
  tags: ['system'],
  response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
});
