import { describe, expect, it } from 'vitest';
import { sandboxTestCards } from './sandbox-cards.ts';
import { createSandboxToken, sandboxProvider } from './sandbox-provider.ts';
import { memorySandboxStore } from './sandbox-store.ts';

const now = new Date('2026-11-26T12:00:00Z');

describe('the sandbox provider', () => {
  it('charges once per idempotency key, and a refunded charge asked again is no payment', async () => {
    const provider = sandboxProvider(memorySandboxStore());
    const { token } = await createSandboxToken(
      provider.store,
      { number: sandboxTestCards.success, expMonth: '12', expYear: '35', cvc: '123' },
      now,
    );
    const charge = () =>
      provider.charge({
        token,
        amountMinor: 1000,
        currency: 'USD',
        idempotencyKey: 'order:Q-1:attempt-1',
        description: 'Quote Q-1',
        shopperReference: 'partner',
      });
    const first = await charge();
    expect(first).toMatchObject({ status: 'captured', brand: 'visa', last4: '4242' });
    expect(await charge()).toEqual(first);
    if (first.status !== 'captured') throw new Error('not captured');
    await provider.refund({
      reference: first.reference,
      amountMinor: 1000,
      currency: 'USD',
      idempotencyKey: 'r',
    });
    expect(await charge()).toEqual({ status: 'declined', reason: 'refunded' });
    expect(await provider.store.chargesOf(token)).toMatchObject([{ status: 'refunded' }]);
  });

  it('checks the card in the form, and keeps only cards that charge', async () => {
    const store = memorySandboxStore();
    const provider = sandboxProvider(store);
    const card = (number: string, exp = '12', cvc = '123') =>
      createSandboxToken(store, { number, expMonth: exp, expYear: '35', cvc }, now);
    await expect(card('4242424242424241')).rejects.toMatchObject({ code: 'sandbox.card_number' });
    await expect(card(sandboxTestCards.success, '13')).rejects.toMatchObject({ code: 'sandbox.expiry' });
    await expect(card(sandboxTestCards.success, '12', '1')).rejects.toMatchObject({ code: 'sandbox.cvc' });
    const challenged = await card(sandboxTestCards.challenge);
    expect(challenged.challenge).toBe(true);
    expect(await provider.describe(challenged.token, 'p')).toBeNull();
    await store.answerChallenge(challenged.token, 'decline');
    expect(await provider.describe(challenged.token, 'p')).toBeNull();
    const ok = await card(sandboxTestCards.mastercard);
    expect(await provider.describe(ok.token, 'p')).toEqual({
      brand: 'mastercard',
      last4: '4444',
      expMonth: '12',
      expYear: '2035',
    });
  });
});
