import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const card = { number: '4242424242424242', expMonth: '12', expYear: '2035', cvc: '123' };

describe("the sandbox provider's own endpoints", () => {
  it('serves the hosted card form to be framed by the portal only, in its language', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sandbox-pay/form?locale=pt-BR' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(page.body).toContain('<html lang="pt-BR"');
    expect(page.body).toContain('Número do cartão');
    expect(
      (await t.app.inject({ method: 'GET', url: '/sandbox-pay/form.js' })).headers['content-type'],
    ).toContain('javascript');
    expect((await t.app.inject({ method: 'GET', url: '/sandbox-pay/form?locale=xx' })).statusCode).toBe(400);
  });

  it('answers hostile card requests with a 4xx, never a 500', async () => {
    const bodies: unknown[] = [
      {},
      { ...card, number: undefined },
      { ...card, extra: 1 },
      { ...card, number: 4242424242424242 },
      { ...card, number: `4242\u0000${'9'.repeat(20)}` },
      { ...card, number: "'; drop table sandbox_tokens; --" },
      { ...card, expMonth: '00' },
      { ...card, expYear: '1999' },
      { ...card, cvc: 'abc' },
      [card],
      'not json',
      null,
    ];
    for (const body of bodies) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/sandbox-pay/tokens',
        ...(typeof body === 'string'
          ? { payload: body, headers: { 'content-type': 'application/json' } }
          : { payload: body as object }),
      });
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(body)).toBeLessThan(500);
    }
    const challenge = await t.app.inject({
      method: 'POST',
      url: `/sandbox-pay/tokens/${'x'.repeat(200)}/challenge`,
      payload: { approve: 'yes' },
    });
    expect(challenge.statusCode).toBeGreaterThanOrEqual(400);
    expect(challenge.statusCode).toBeLessThan(500);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/sandbox-pay/tokens/tok_nothere/challenge',
      payload: { approve: true },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers hostile PayPal approvals with a 4xx, never a 500, and approves nothing', async () => {
    const approval = await t.sandbox.store.saveApproval({
      id: 'SBXOHOSTILE000001',
      kind: 'order',
      reference: 'Q-2026-000001',
      amountMinor: 100,
      currency: 'EUR',
      returnUrl: 'http://portal.test/quotes/Q-2026-000001/checkout?paypal=approved',
      cancelUrl: 'http://portal.test/quotes/Q-2026-000001/checkout?paypal=cancelled',
      status: 'created',
      payerEmail: null,
      vaultId: null,
    });
    const form = (body: string, id = approval.id) =>
      t.app.inject({
        method: 'POST',
        url: `/sandbox-pay/paypal/${id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    const answers = await Promise.all([
      form('decision=approve&email=%00%0d%0a@x'),
      form('decision=approve&email=<script>alert(1)</script>'),
      form(`decision=approve&email=${'a'.repeat(300)}@x.test`),
      form('decision=maybe&email=a@b.test'),
      form('email=a@b.test'),
      form('decision=approve&email=a@b.test&locale=xx'),
      form('decision=approve&email=a@b.test&extra=1'),
      form('decision=approve', "SBXO'%20OR%201=1"),
      form(`decision=approve&${'x='.repeat(3000)}`),
      t.app.inject({ method: 'GET', url: '/sandbox-pay/paypal/..%2F..%2Fetc%2Fpasswd' }),
      t.app.inject({ method: 'GET', url: `/sandbox-pay/paypal/${approval.id}?locale=<b>` }),
      t.app.inject({
        method: 'POST',
        url: `/sandbox-pay/paypal/${approval.id}`,
        payload: { decision: 'approve' },
      }),
    ]);
    for (const res of answers) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
    expect((await t.sandbox.store.findApproval(approval.id))?.status).toBe('created');
    // A name that is only shown is escaped, never markup.
    const page = await form('decision=approve&email=%22%3E%3Cimg%20src%3Dx%3E');
    expect(page.body).not.toContain('"><img');
  });
});
