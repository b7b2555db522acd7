import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { Locale } from '../../../contract/catalog.ts';
import { hostedFormAssets, hostedFormPage } from '../../modules/payments/sandbox/hosted-form.ts';
import { sandboxPayPalPage } from '../../modules/payments/sandbox/paypal-page.ts';
import { createSandboxToken } from '../../modules/payments/sandbox/sandbox-provider.ts';
import type { SandboxApprovalStatus, SandboxStore } from '../../modules/payments/sandbox/sandbox-store.ts';

const CardBody = z.strictObject({
  number: z.string().max(30),
  expMonth: z.string().max(2),
  expYear: z.string().max(4),
  cvc: z.string().max(4),
});
const storeOf = (provider: object): SandboxStore => {
  const store = (provider as Partial<{ store: SandboxStore }>).store;
  if (!store) throw new Error('the sandbox provider has no store');
  return store;
};

const ApprovalParams = z.strictObject({ id: z.string().regex(/^[A-Z0-9]{6,64}$/) });
const ApprovalQuery = z.strictObject({ locale: Locale.optional() });
const ApprovalForm = z.strictObject({
  decision: z.enum(['approve', 'cancel']),
  email: z.string().max(254).optional(),
  locale: Locale.optional(),
});
const payerEmail = z.email();

/** PayPal adds its own parameters to the return address: the order (`token`) or the setup. */
function returnTo(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return target.toString();
}

/**
 * The sandbox's PayPal approval page (it stands for PayPal's own pages): the buyer approves a
 * payment or storing the account, or cancels, and is sent back to the portal as PayPal sends them.
 */
async function sandboxPayPalRoutes(app: FastifyInstance, store: SandboxStore): Promise<void> {
  // A plain HTML form posts here (no script on PayPal's page is the portal's).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('text/plain; charset=utf-8').send('No such PayPal approval.');
  app.get(
    '/sandbox-pay/paypal/:id',
    { schema: { hide: true, params: ApprovalParams, querystring: ApprovalQuery } },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof ApprovalParams>;
      const { locale } = request.query as z.infer<typeof ApprovalQuery>;
      const approval = await store.findApproval(id);
      if (!approval) return notFound(reply);
      return reply.type('text/html; charset=utf-8').send(sandboxPayPalPage(approval, locale ?? 'en'));
    },
  );
  app.post(
    '/sandbox-pay/paypal/:id',
    { schema: { hide: true, params: ApprovalParams, body: ApprovalForm } },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof ApprovalParams>;
      const form = request.body as z.infer<typeof ApprovalForm>;
      const locale = form.locale ?? 'en';
      const approval = await store.findApproval(id);
      if (!approval) return notFound(reply);
      const back = (status: SandboxApprovalStatus) => {
        if (status === 'cancelled') return returnTo(approval.cancelUrl, { token: id });
        return approval.kind === 'order'
          ? returnTo(approval.returnUrl, { token: id, PayerID: 'SBXPAYER' })
          : returnTo(approval.returnUrl, { approval_token_id: id });
      };
      if (form.decision === 'cancel') {
        const moved = await store.moveApproval(id, ['created'], { status: 'cancelled' });
        return reply.redirect(back(moved ? 'cancelled' : approval.status), 303);
      }
      const email = payerEmail.safeParse(form.email?.trim());
      if (!email.success) {
        return reply
          .code(422)
          .type('text/html; charset=utf-8')
          .send(sandboxPayPalPage(approval, locale, { email: form.email ?? '', error: true }));
      }
      const moved = await store.moveApproval(id, ['created'], { status: 'approved', payerEmail: email.data });
      // Approved twice (a double click): the buyer goes back the same way; a cancelled one stays so.
      return reply.redirect(
        back(moved ? 'approved' : approval.status === 'cancelled' ? 'cancelled' : 'approved'),
        303,
      );
    },
  );
}

const ChallengeBody = z.strictObject({ approve: z.boolean() });

/**
 * The sandbox provider's own endpoints (they stand for the provider's servers, outside /api): its
 * hosted card form posts the card here and gets a token back; the portal's API never sees the
 * card. Registered only while the sandbox is the configured provider.
 */
export async function sandboxPaymentRoutes(app: FastifyInstance): Promise<void> {
  const paypal = app.portal.paypal;
  if (paypal?.provider === 'sandbox') await sandboxPayPalRoutes(app, storeOf(paypal));
  if (app.portal.payments.name !== 'sandbox') return;
  // Read when asked: a test may wrap the provider and give its store later.
  const cardStore = () => storeOf(app.portal.payments);
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
    const token = await createSandboxToken(cardStore(), card, app.portal.clock());
    return reply.code(201).send(token);
  });
  app.post(
    '/sandbox-pay/tokens/:token/challenge',
    { schema: { hide: true, params: z.strictObject({ token: z.string().max(80) }), body: ChallengeBody } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const { approve } = request.body as z.infer<typeof ChallengeBody>;
      const answered = await cardStore().answerChallenge(token, approve ? 'success' : 'decline');
      return reply.code(answered ? 200 : 404).send({ token, approved: answered && approve });
    },
  );
}
