import fastifySwagger from '@fastify/swagger';
import scalarReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { tidyOpenApi } from './openapi-tidy.ts';

const tags = [
  { name: 'auth', description: 'Log in and out; the session of a partner user.' },
  { name: 'customers', description: 'Find and open customer accounts (SPEC §3).' },
  { name: 'catalog', description: 'The Product Catalog with list and buy prices (SPEC §4).' },
  { name: 'cart', description: 'The cart of the open customer account (SPEC §4).' },
  {
    name: 'licenses',
    description: "Updates & Renewals: search an account's licenses and what may be done with them (SPEC §5).",
  },
  { name: 'quotes', description: 'Reseller quotes: create, list, search, open, cancel (SPEC §7).' },
  {
    name: 'orders',
    description:
      'Checkout and Place order, the Orders section, the order page, Resend licenses and Renew (SPEC §8, §9).',
  },
  {
    name: 'invoices',
    description: 'The Invoices tab: search, overdue invoices, an invoice and its PDF (SPEC §11).',
  },
  { name: 'payments', description: 'Stored payment methods: cards and PayPal (SPEC §8).' },
  { name: 'partner', description: "Your organisation's profile and billing address (SPEC §1)." },
  {
    name: 'mail',
    description: 'The development mailbox: emails the portal sent, in demo mode.',
  },
  {
    name: 'account-admin',
    description:
      "A customer account's admin contacts, signed in by a one-time link: the account's Purchaser grants (SPEC §1, §10).",
  },
  { name: 'admin', description: "The vendor's back office, for vendor staff." },
  { name: 'health', description: 'Liveness.' },
];

/**
 * The OpenAPI 3.0.3 document, generated from the contract's Zod schemas, at /api/openapi.json,
 * and its reference page at /api/docs. Partners generate clients from it, so it lints clean
 * under Redocly's recommended rules (a test keeps it so).
 */
export const openApi = fp(async (app: FastifyInstance) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Partner Portal API',
        version: '0.2.0',
        description:
          'Log in with POST /api/auth/login; the session cookie `pp_session` then authenticates. Every POST, PATCH, PUT and DELETE also needs the header `x-csrf-token` with the `csrfToken` from the login or /api/auth/me answer (also in the `pp_csrf` cookie). Errors are `{ code, message, field?, params? }`; invalid input gives `validation.<rule>`. Requests that create something take an `Idempotency-Key` header: a retry with the same key replays the first answer.',
        license: { name: 'Proprietary', url: 'https://partner-portal.invalid/terms' },
      },
      servers: [{ url: 'http://127.0.0.1:3000', description: 'A portal started locally with npm start' }],
      tags,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pp_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => tidyOpenApi(jsonSchemaTransformObject(input) as Record<string, unknown>),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The reference page runs an inline start-up script, so it gets its own CSP scope.
  await app.register(async (docs) => {
    docs.addHook('onSend', async (_request, reply) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      );
    });
    await docs.register(scalarReference, {
      routePrefix: '/api/docs',
      // A reference page for our API only: no vendor toolbar, AI agent, telemetry or outside fonts.
      configuration: {
        url: '/api/openapi.json',
        withDefaultFonts: false,
        hideClientButton: true,
        showDeveloperTools: 'never',
        telemetry: false,
        mcp: { disabled: true },
        agent: { disabled: true },
      },
    });
  });
});
