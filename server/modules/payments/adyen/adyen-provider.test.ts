import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentUnavailableError } from '../provider.ts';
import { adyenProvider } from './adyen-provider.ts';

/**
 * A loopback stand-in for Adyen's Checkout API (v72): it checks the requests have the shapes
 * Adyen documents (API key, Idempotency-Key, amount in minor units, the stored payment method as a
 * card-on-file payment of the shopper) and answers as Adyen does.
 */
interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | null;
}
const seen: Seen[] = [];
let server: Server;
let origin = '';

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    request.on('data', (chunk) => {
      data += chunk;
    });
    request.on('end', () => resolve(data));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const text = await read(request);
    const url = new URL(request.url ?? '/', 'http://stub');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    seen.push({
      method: request.method ?? '',
      path: `${url.pathname}${url.search}`,
      headers: request.headers,
      body,
    });
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    if (request.headers['x-api-key'] !== 'test-api-key') return send(401, { status: 401, errorCode: '000' });
    if (request.method === 'POST' && url.pathname === '/v72/payments') {
      const method = (body?.paymentMethod ?? {}) as { storedPaymentMethodId?: string };
      if (method.storedPaymentMethodId === 'DOWN') return send(503, { status: 503, message: 'unavailable' });
      if (method.storedPaymentMethodId === 'UNKNOWN')
        return send(422, { status: 422, errorCode: '800', message: 'Contract not found' });
      if (method.storedPaymentMethodId === 'DECLINED') {
        return send(200, {
          resultCode: 'Refused',
          refusalReason: 'Not enough balance',
          pspReference: 'PSP-R',
        });
      }
      return send(200, {
        resultCode: 'Authorised',
        pspReference: 'PSP0000000001',
        paymentMethod: { brand: 'visa', type: 'scheme' },
        additionalData: { cardSummary: '1111' },
      });
    }
    if (request.method === 'POST' && url.pathname === '/v72/payments/PSP0000000001/reversals') {
      return send(201, { status: 'received', pspReference: 'REV0001', paymentPspReference: 'PSP0000000001' });
    }
    if (request.method === 'GET' && url.pathname === '/v72/storedPaymentMethods') {
      return send(200, {
        storedPaymentMethods: [
          { id: 'M5N7TQ4TG5PFWR50', brand: 'visa', lastFour: '1111', expiryMonth: '3', expiryYear: '30' },
        ],
      });
    }
    return send(404, { status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const provider = () =>
  adyenProvider({
    apiKey: 'test-api-key',
    merchantAccount: 'PartnerPortalECOM',
    environment: 'TEST',
    returnUrl: 'https://portal.test/checkout',
    endpointOverride: origin,
  });

describe('the Adyen adapter', () => {
  it('charges a stored payment method as a card-on-file payment, with the idempotency key', async () => {
    const outcome = await provider().charge({
      token: 'M5N7TQ4TG5PFWR50',
      amountMinor: 123456,
      currency: 'EUR',
      idempotencyKey: 'order:q1:M5N7TQ4TG5PFWR50',
      description: 'Quote Q-2026-000001',
      shopperReference: 'partner-1',
    });
    expect(outcome).toEqual({ status: 'captured', reference: 'PSP0000000001', brand: 'visa', last4: '1111' });
    const request = seen.at(-1);
    expect(request?.headers['idempotency-key']).toBe('order:q1:M5N7TQ4TG5PFWR50');
    expect(request?.body).toMatchObject({
      amount: { currency: 'EUR', value: 123456 },
      merchantAccount: 'PartnerPortalECOM',
      reference: 'Quote Q-2026-000001',
      returnUrl: 'https://portal.test/checkout',
      paymentMethod: { type: 'scheme', storedPaymentMethodId: 'M5N7TQ4TG5PFWR50' },
      shopperReference: 'partner-1',
      shopperInteraction: 'ContAuth',
      recurringProcessingModel: 'CardOnFile',
    });
  });

  it('tells a refusal from an outage', async () => {
    const charge = (token: string) =>
      provider().charge({
        token,
        amountMinor: 100,
        currency: 'USD',
        idempotencyKey: `k-${token}`,
        description: 'Quote',
        shopperReference: 'partner-1',
      });
    expect(await charge('DECLINED')).toEqual({ status: 'declined', reason: 'Not enough balance' });
    await expect(charge('DOWN')).rejects.toBeInstanceOf(PaymentUnavailableError);
  });

  it('gives a payment back by a reversal (cancel or refund, whatever the capture setting), with the idempotency key', async () => {
    await provider().refund({
      reference: 'PSP0000000001',
      amountMinor: 123456,
      currency: 'EUR',
      idempotencyKey: 'refund:PSP0000000001',
    });
    const request = seen.at(-1);
    expect(request?.path).toBe('/v72/payments/PSP0000000001/reversals');
    expect(request?.headers['idempotency-key']).toBe('refund:PSP0000000001');
    expect(request?.body).toEqual({
      merchantAccount: 'PartnerPortalECOM',
      reference: 'refund PSP0000000001',
    });
  });

  it('describes a stored payment method of the shopper, and no other', async () => {
    expect(await provider().describe('M5N7TQ4TG5PFWR50', 'partner-1')).toEqual({
      brand: 'visa',
      last4: '1111',
      expMonth: '03',
      expYear: '2030',
    });
    expect(seen.at(-1)?.path).toBe(
      '/v72/storedPaymentMethods?shopperReference=partner-1&merchantAccount=PartnerPortalECOM',
    );
    expect(await provider().describe('SOMEONE_ELSES', 'partner-1')).toBeNull();
  });

  it('takes Adyen refusing the request itself (a 4xx) as a decline', async () => {
    const outcome = await provider().charge({
      token: 'UNKNOWN',
      amountMinor: 100,
      currency: 'USD',
      idempotencyKey: 'k-unknown',
      description: 'Quote',
      shopperReference: 'partner-1',
    });
    expect(outcome).toEqual({ status: 'declined', reason: 'rejected_422' });
  });
});
