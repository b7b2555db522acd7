import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentUnavailableError } from '../provider.ts';
import { paypalCheckout, paypalValue } from './paypal-checkout.ts';

/**
 * A loopback stand-in for PayPal's REST API: the client-credentials token call, Orders v2 (create,
 * show, capture) and the refund of a capture, checking the shapes PayPal documents (Bearer token,
 * PayPal-Request-Id, amounts as decimal strings, the quote as the purchase unit's reference).
 */
interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let server: Server;
let origin = '';
let downOnce = false;

const order = (id: string, status: string, value = '1234.50') => ({
  id,
  status,
  purchase_units: [
    {
      reference_id: 'Q-2026-000007',
      amount: { currency_code: 'EUR', value },
      ...(status === 'COMPLETED'
        ? {
            payments: {
              captures: [{ id: 'CAP123', status: 'COMPLETED', amount: { currency_code: 'EUR', value } }],
            },
          }
        : {}),
    },
  ],
  links: [
    { href: `https://www.sandbox.paypal.com/checkoutnow?token=${id}`, rel: 'payer-action', method: 'GET' },
  ],
});

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://stub').pathname;
      seen.push({ method: request.method ?? '', path, headers: request.headers, body });
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (path === '/v1/oauth2/token') {
        const basic = Buffer.from('client-id:client-secret').toString('base64');
        if (request.headers.authorization !== `Basic ${basic}`) return send(401, { error: 'invalid_client' });
        return send(200, { access_token: 'A21AAtoken', token_type: 'Bearer', expires_in: 32400 });
      }
      if (request.headers.authorization !== 'Bearer A21AAtoken')
        return send(401, { name: 'AUTHENTICATION_FAILURE' });
      if (downOnce) {
        downOnce = false;
        return send(503, { name: 'SERVICE_UNAVAILABLE' });
      }
      if (request.method === 'POST' && path === '/v2/checkout/orders') {
        // A stored account pays at once: the order completes without the buyer.
        if (JSON.parse(body).payment_source?.paypal?.vault_id === 'VAULT1')
          return send(201, order('ORDER2', 'COMPLETED'));
        return send(201, order('ORDER1', 'PAYER_ACTION_REQUIRED'));
      }
      if (request.method === 'POST' && path === '/v3/vault/setup-tokens') {
        return send(201, {
          id: 'SETUP1',
          status: 'PAYER_ACTION_REQUIRED',
          links: [
            {
              href: 'https://www.sandbox.paypal.com/agreements/approve?approval_session_id=SETUP1',
              rel: 'approve',
              method: 'GET',
            },
          ],
        });
      }
      if (request.method === 'POST' && path === '/v3/vault/payment-tokens') {
        if (JSON.parse(body).payment_source?.token?.id !== 'SETUP1')
          return send(422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'TOKEN_NOT_APPROVED' }] });
        return send(201, {
          id: 'VAULT1',
          customer: { id: 'CUST1' },
          payment_source: { paypal: { email_address: 'ap@reseller.test', payer_id: 'PAYER1' } },
        });
      }
      if (request.method === 'GET' && path === '/v2/checkout/orders/ORDER1')
        return send(200, order('ORDER1', 'APPROVED'));
      if (request.method === 'GET' && path === '/v2/checkout/orders/ORDER2')
        return send(200, order('ORDER2', 'COMPLETED'));
      if (request.method === 'GET' && path === '/v2/checkout/orders/OTHER')
        return send(200, order('OTHER', 'APPROVED', '1.00'));
      if (request.method === 'POST' && path === '/v2/checkout/orders/ORDER1/capture')
        return send(201, order('ORDER1', 'COMPLETED'));
      if (request.method === 'POST' && path === '/v2/payments/captures/CAP123/refund') {
        return send(201, { id: 'REF1', status: 'COMPLETED' });
      }
      return send(404, { name: 'RESOURCE_NOT_FOUND' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const paypal = () =>
  paypalCheckout({
    clientId: 'client-id',
    clientSecret: 'client-secret',
    environment: 'sandbox',
    endpointOverride: origin,
  });

describe('the PayPal adapter', () => {
  it('writes amounts as PayPal does', () => {
    expect(paypalValue(123450, 'EUR')).toBe('1234.50');
    expect(paypalValue(5, 'BRL')).toBe('0.05');
  });

  it('creates the order for a quote and answers the approval link', async () => {
    const started = await paypal().start({
      quoteNumber: 'Q-2026-000007',
      amountMinor: 123450,
      currency: 'EUR',
      returnUrl: 'https://portal.test/quotes/Q-2026-000007/checkout',
      cancelUrl: 'https://portal.test/quotes/Q-2026-000007/checkout?cancelled=1',
      idempotencyKey: 'paypal:Q-2026-000007:1',
    });
    expect(started).toEqual({
      orderId: 'ORDER1',
      approveUrl: 'https://www.sandbox.paypal.com/checkoutnow?token=ORDER1',
    });
    const create = seen.find((s) => s.path === '/v2/checkout/orders');
    expect(create?.headers['paypal-request-id']).toBe('paypal:Q-2026-000007:1');
    expect(JSON.parse(create?.body ?? '{}')).toMatchObject({
      intent: 'CAPTURE',
      purchase_units: [{ reference_id: 'Q-2026-000007', amount: { currency_code: 'EUR', value: '1234.50' } }],
      payment_source: {
        paypal: {
          experience_context: {
            return_url: 'https://portal.test/quotes/Q-2026-000007/checkout',
            cancel_url: 'https://portal.test/quotes/Q-2026-000007/checkout?cancelled=1',
          },
        },
      },
    });
  });

  it('captures an approved order of this quote and amount, and refunds the capture', async () => {
    const captured = await paypal().capture({
      orderId: 'ORDER1',
      quoteNumber: 'Q-2026-000007',
      amountMinor: 123450,
      currency: 'EUR',
      idempotencyKey: 'capture:ORDER1',
    });
    expect(captured).toEqual({ status: 'captured', reference: 'CAP123', brand: 'paypal', last4: null });
    expect(
      seen.find((s) => s.path === '/v2/checkout/orders/ORDER1/capture')?.headers['paypal-request-id'],
    ).toBe('capture:ORDER1');
    await paypal().refund({
      reference: 'CAP123',
      amountMinor: 123450,
      currency: 'EUR',
      idempotencyKey: 'refund:CAP123',
    });
    const refund = seen.find((s) => s.path === '/v2/payments/captures/CAP123/refund');
    expect(refund?.headers['paypal-request-id']).toBe('refund:CAP123');
    expect(JSON.parse(refund?.body ?? '{}')).toEqual({ amount: { currency_code: 'EUR', value: '1234.50' } });
  });

  it("tells the recovery of Place order whether an order was captured, reading PayPal's order", async () => {
    const ask = (orderId: string) =>
      paypal().findCapture({
        orderId,
        quoteNumber: 'Q-2026-000007',
        amountMinor: 123450,
        currency: 'EUR',
        idempotencyKey: `capture:${orderId}`,
      });
    expect(await ask('ORDER1')).toBeNull();
    expect(await ask('ORDER2')).toEqual({
      status: 'captured',
      reference: 'CAP123',
      brand: 'paypal',
      last4: null,
    });
    // Only read: nothing was captured by asking.
    expect(seen.some((s) => s.path === '/v2/checkout/orders/ORDER2/capture')).toBe(false);
    downOnce = true;
    await expect(ask('ORDER2')).rejects.toBeInstanceOf(PaymentUnavailableError);
  });

  it('refuses an order the buyer brings back for another quote or amount, and tells an outage', async () => {
    const other = await paypal().capture({
      orderId: 'OTHER',
      quoteNumber: 'Q-2026-000007',
      amountMinor: 123450,
      currency: 'EUR',
      idempotencyKey: 'capture:OTHER',
    });
    expect(other).toEqual({ status: 'declined', reason: 'paypal_order_mismatch' });
    expect(seen.some((s) => s.path === '/v2/checkout/orders/OTHER/capture')).toBe(false);
    downOnce = true;
    await expect(
      paypal().capture({
        orderId: 'ORDER1',
        quoteNumber: 'Q-2026-000007',
        amountMinor: 123450,
        currency: 'EUR',
        idempotencyKey: 'c2',
      }),
    ).rejects.toBeInstanceOf(PaymentUnavailableError);
  });

  it('stores an approved account through the Vault and charges it without the buyer', async () => {
    const vault = await paypal().startVault({
      returnUrl: 'https://portal.test/payment-methods?paypal=approved',
      cancelUrl: 'https://portal.test/payment-methods?paypal=cancelled',
      idempotencyKey: 'vault:1',
    });
    expect(vault).toEqual({
      setupId: 'SETUP1',
      approveUrl: 'https://www.sandbox.paypal.com/agreements/approve?approval_session_id=SETUP1',
    });
    const setup = seen.find((s) => s.path === '/v3/vault/setup-tokens');
    expect(setup?.headers['paypal-request-id']).toBe('vault:1');
    expect(JSON.parse(setup?.body ?? '{}')).toMatchObject({
      payment_source: {
        paypal: {
          usage_type: 'MERCHANT',
          experience_context: {
            return_url: 'https://portal.test/payment-methods?paypal=approved',
            cancel_url: 'https://portal.test/payment-methods?paypal=cancelled',
          },
        },
      },
    });
    expect(await paypal().finishVault({ setupId: 'SETUP1', idempotencyKey: 'vault-token:SETUP1' })).toEqual({
      vaultId: 'VAULT1',
      email: 'ap@reseller.test',
    });
    expect(JSON.parse(seen.find((s) => s.path === '/v3/vault/payment-tokens')?.body ?? '{}')).toEqual({
      payment_source: { token: { id: 'SETUP1', type: 'SETUP_TOKEN' } },
    });
    expect(await paypal().finishVault({ setupId: 'NOTAPPROVED', idempotencyKey: 'x' })).toBeNull();

    const charged = await paypal().chargeVaulted({
      vaultId: 'VAULT1',
      quoteNumber: 'Q-2026-000007',
      amountMinor: 123450,
      currency: 'EUR',
      idempotencyKey: 'order:Q-2026-000007:a1',
    });
    expect(charged).toEqual({ status: 'captured', reference: 'CAP123', brand: 'paypal', last4: null });
    const create = seen.findLast((s) => s.path === '/v2/checkout/orders');
    expect(create?.headers['paypal-request-id']).toBe('order:Q-2026-000007:a1');
    expect(JSON.parse(create?.body ?? '{}')).toMatchObject({
      intent: 'CAPTURE',
      purchase_units: [{ reference_id: 'Q-2026-000007', amount: { currency_code: 'EUR', value: '1234.50' } }],
      payment_source: { paypal: { vault_id: 'VAULT1' } },
    });
  });
});
