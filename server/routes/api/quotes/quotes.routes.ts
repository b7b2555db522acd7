import type { FastifyInstance } from 'fastify';
import { quotesApi } from '../../../../contract/quotes.ts';
import { defineLookup, FileAnswer, route } from '../../../http/route.ts';
import { todayUtc } from '../../../lib/dates.ts';
import { quotePdfFilename, renderQuotePdf } from '../../../modules/pdf/quote-pdf.ts';
import { emailQuote } from '../../../modules/quotes/quote-emails.ts';
import {
  cancelQuote,
  listQuotes,
  presentQuote,
  quoteNotFound,
  quoteOfSession,
} from '../../../modules/quotes/quotes.service.ts';
import { quotesCsv } from '../../../modules/quotes/quotes-csv.ts';
import { setResalePrices } from '../../../modules/quotes/resale-prices.ts';
import { relatedDocuments } from '../../../modules/related/related-documents.ts';
import { checkDirectQuote, convertDirectQuote } from '../../../use-cases/convert-direct-quote.ts';
import { createQuoteFromCart } from '../../../use-cases/create-quote-from-cart.ts';

/** GET /api/quotes/:quoteNumber reads the quote in the session check's own statement. */
const quoteByNumber = defineLookup('quote_by_number', quoteOfSession);

export async function quoteRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    quotesApi.create,
    { actors: ['partner_user'], permission: 'quotes.create' },
    ({ actor, db, meta, body }) =>
      createQuoteFromCart(db, { actor, meta, jobs: app.portal.jobs, mail: app.portal.mail, ...body }),
  );
  route(
    app,
    quotesApi.list,
    { actors: ['partner_user'], permission: 'quotes.read', reads: 'standby', statements: 'named' },
    ({ actor, db, meta, query }) => listQuotes(db, { actor, meta, filters: query }),
  );
  route(
    app,
    quotesApi.exportCsv,
    { actors: ['partner_user'], permission: 'quotes.read', reads: 'standby' },
    async ({ actor, db, meta, query }) => {
      const { stream, filename } = await quotesCsv(db, { actor, meta, filters: query });
      return new FileAnswer(stream, filename, 'attachment');
    },
  );
  route(
    app,
    quotesApi.get,
    { actors: ['partner_user'], permission: 'quotes.read', lookup: quoteByNumber, statements: 'named' },
    async ({ actor, db, meta, params, found }) => {
      if (!found) throw quoteNotFound(params.quoteNumber);
      return {
        ...presentQuote(actor, found, todayUtc(meta.now)),
        related: await relatedDocuments(db, actor, { kind: 'quote', number: params.quoteNumber }),
      };
    },
  );
  // Takes the root database: a failed attempt and its audit row outlive the request.
  route(
    app,
    quotesApi.convertDirect,
    { actors: ['partner_user'], permission: 'quotes.create' },
    ({ actor, body, meta }) => convertDirectQuote(app.portal.db, { actor, meta, ...body }),
  );
  route(
    app,
    quotesApi.checkDirect,
    { actors: ['partner_user'], permission: 'quotes.create' },
    ({ actor, body, meta }) => checkDirectQuote(app.portal.db, { actor, meta, ...body }),
  );
  // Takes the root database: the email is queued (and counted) in a transaction of its own.
  route(
    app,
    quotesApi.email,
    { actors: ['partner_user'], permission: 'quotes.read' },
    ({ actor, meta, params, body }) =>
      emailQuote(app.portal.db, app.portal.jobs, app.portal.mail, { actor, meta, ...params, ...body }),
  );
  route(
    app,
    quotesApi.setResalePrices,
    { actors: ['partner_user'], permission: 'quotes.cancel' },
    ({ actor, db, meta, params, body }) => setResalePrices(db, { actor, meta, ...params, ...body }),
  );
  route(
    app,
    quotesApi.pdf,
    { actors: ['partner_user'], permission: 'quotes.read', lookup: quoteByNumber },
    async ({ actor, params, query, found }) => {
      if (!found) throw quoteNotFound(params.quoteNumber);
      const bytes = await renderQuotePdf(found, query.locale ?? actor.locale, query.copy);
      return new FileAnswer(bytes, quotePdfFilename(found.document.quoteNumber, query.copy));
    },
  );
  route(
    app,
    quotesApi.cancel,
    { actors: ['partner_user'], permission: 'quotes.cancel' },
    ({ actor, db, meta, params }) => cancelQuote(db, { actor, meta, ...params }),
  );
}
