import type { FastifyInstance } from 'fastify';
import { quotesApi } from '../../../contract/quotes.ts';
import type { Db } from '../../db/client.ts';
import { route } from '../../http/route.ts';
import { createQuote, getQuote, listQuotes } from './quotes.service.ts';

export function registerQuoteRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, db, quotesApi.create, 'quotes.create', ({ actor, body, request }) =>
    createQuote(db, actor, { ...body, ip: request.ip }),
  );
  route(app, db, quotesApi.list, 'quotes.read', ({ actor, query }) => listQuotes(db, actor, query));
  route(app, db, quotesApi.get, 'quotes.read', ({ actor, params }) =>
    getQuote(db, actor, params.quoteNumber),
  );
}
