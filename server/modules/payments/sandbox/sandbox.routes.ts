import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Locale } from '../../../../contract/catalog.ts';
import { hostedFormAssets, hostedFormPage } from './hosted-form.ts';
import { createSandboxToken } from './sandbox-provider.ts';
import type { SandboxStore } from './sandbox-store.ts';

const CardBody = z.strictObject({
  number: z.string().max(30),
  expMonth: z.string().max(2),
  expYear: z.string().max(4),
  cvc: z.string().max(4),
});
const ChallengeBody = z.strictObject({ approve: z.boolean() });

/**
 * The sandbox provider's own endpoints (they stand for the provider's servers, outside /api): its
 * hosted card form posts the card here and gets a token back; the portal's API never sees the
 * card. Registered only while the sandbox is the configured provider.
 */
export async function sandboxPaymentRoutes(app: FastifyInstance): Promise<void> {
  if (app.portal.payments.name !== 'sandbox') return;
  // Read when asked: a test may wrap the provider and give its store later.
  const storeOf = (): SandboxStore => {
    const store = (app.portal.payments as Partial<{ store: SandboxStore }>).store;
    if (!store) throw new Error('the sandbox provider has no store');
    return store;
  };
  // The hosted form may be framed by the portal's own pages only.
  const framedBySelf = {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'; object-src 'none'",
    'x-frame-options': 'SAMEORIGIN',
  };
  app.get(
    '/sandbox-pay/form',
    { schema: { hide: true, querystring: z.strictObject({ locale: Locale.optional() }) } },
    async (request, reply) => {
      const { locale } = request.query as { locale?: Locale };
      return reply
        .headers(framedBySelf)
        .type('text/html; charset=utf-8')
        .send(hostedFormPage(locale ?? 'en'));
    },
  );
  app.get('/sandbox-pay/form.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(hostedFormAssets.js),
  );
  app.get('/sandbox-pay/form.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(hostedFormAssets.css),
  );
  app.post('/sandbox-pay/tokens', { schema: { hide: true, body: CardBody } }, async (request, reply) => {
    const card = request.body as z.infer<typeof CardBody>;
    const token = await createSandboxToken(storeOf(), card, app.portal.clock());
    return reply.code(201).send(token);
  });
  app.post(
    '/sandbox-pay/tokens/:token/challenge',
    { schema: { hide: true, params: z.strictObject({ token: z.string().max(80) }), body: ChallengeBody } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const { approve } = request.body as z.infer<typeof ChallengeBody>;
      const answered = await storeOf().answerChallenge(token, approve ? 'success' : 'decline');
      return reply.code(answered ? 200 : 404).send({ token, approved: answered && approve });
    },
  );
}
