import { createHash, randomBytes } from 'node:crypto';
import type { PayPalGateway } from '../paypal/paypal-gateway.ts';
import type { ChargeOutcome } from '../provider.ts';
import type { SandboxApproval, SandboxStore } from './sandbox-store.ts';

/** PayPal's ids are 17 upper-case letters and digits; the same request key makes the same id. */
const idFor = (prefix: string, key: string) =>
  `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 16).toUpperCase()}`;
const randomId = (prefix: string) => `${prefix}${randomBytes(8).toString('hex').toUpperCase()}`;

/**
 * The sandbox's test PayPal accounts (docs/PAYMENTS.md): any email approves; one that starts with
 * `decline` is refused when charged, as an account without funds would be.
 */
export const declinesWhenCharged = (email: string | null) =>
  (email ?? '').toLowerCase().startsWith('decline');

/** Where the buyer approves a sandbox PayPal order or setup: the sandbox's own page. */
export const sandboxApprovalPath = (id: string) => `/sandbox-pay/paypal/${encodeURIComponent(id)}`;

/**
 * PayPal's steps played by the sandbox provider, for `npm start` and the tests: an order or a setup
 * is created, the buyer approves it on the sandbox's page (sandbox.routes.ts) and comes back, then
 * the portal captures the order or stores the account. Refusals follow PayPal's: an order for
 * another quote or amount, one not approved, one captured already by another request.
 */
export function sandboxPayPal(
  store: SandboxStore,
  options: { publicUrl: string },
): PayPalGateway & { store: SandboxStore } {
  const approveUrl = (id: string) => `${options.publicUrl}${sandboxApprovalPath(id)}`;
  const charge = async (
    approval: SandboxApproval,
    input: {
      token: string;
      idempotencyKey: string;
      amountMinor: number;
      currency: SandboxApproval['currency'];
    },
  ): Promise<ChargeOutcome> => {
    if (!input.currency) return { status: 'declined', reason: 'paypal_order_mismatch' };
    const taken = await store.takeCharge({
      reference: randomId('SBXPP'),
      idempotencyKey: input.idempotencyKey,
      token: input.token,
      amountMinor: input.amountMinor,
      currency: input.currency,
      status: declinesWhenCharged(approval.payerEmail) ? 'declined' : 'captured',
    });
    if (taken.status !== 'captured') return { status: 'declined', reason: `paypal_${taken.status}` };
    return { status: 'captured', reference: taken.reference, brand: 'paypal', last4: null };
  };
  // The sandbox's status lookup: the charge a request key made, as PayPal would show its order.
  const found = async (idempotencyKey: string): Promise<ChargeOutcome | null> => {
    const taken = await store.findCharge(idempotencyKey);
    if (!taken) return null;
    if (taken.status !== 'captured') return { status: 'declined', reason: `paypal_${taken.status}` };
    return { status: 'captured', reference: taken.reference, brand: 'paypal', last4: null };
  };
  return {
    provider: 'sandbox',
    store,
    findCapture: (input) => found(input.idempotencyKey),
    findVaultedCharge: (input) => found(input.idempotencyKey),
    start: async (input) => {
      const approval = await store.saveApproval({
        id: idFor('SBXO', input.idempotencyKey),
        kind: 'order',
        reference: input.quoteNumber,
        amountMinor: input.amountMinor,
        currency: input.currency,
        returnUrl: input.returnUrl,
        cancelUrl: input.cancelUrl,
        status: 'created',
        payerEmail: null,
        vaultId: null,
      });
      return { orderId: approval.id, approveUrl: approveUrl(approval.id) };
    },
    capture: async (input) => {
      const order = await store.findApproval(input.orderId);
      if (order?.kind !== 'order') return { status: 'declined', reason: 'paypal_order_unknown' };
      if (
        order.reference !== input.quoteNumber ||
        order.amountMinor !== input.amountMinor ||
        order.currency !== input.currency
      ) {
        return { status: 'declined', reason: 'paypal_order_mismatch' };
      }
      if (order.status !== 'approved' && order.status !== 'completed')
        return { status: 'declined', reason: `paypal_order_${order.status}` };
      // One capture per order: another request's capture is refused, this request's is answered again.
      const earlier = await store.chargesOf(order.id);
      if (earlier.some((c) => c.idempotencyKey !== input.idempotencyKey))
        return { status: 'declined', reason: 'paypal_order_already_captured' };
      const outcome = await charge(order, { ...input, token: order.id });
      await store.moveApproval(order.id, ['approved'], { status: 'completed' });
      return outcome;
    },
    startVault: async (input) => {
      const approval = await store.saveApproval({
        id: idFor('SBXS', input.idempotencyKey),
        kind: 'setup',
        reference: null,
        amountMinor: null,
        currency: null,
        returnUrl: input.returnUrl,
        cancelUrl: input.cancelUrl,
        status: 'created',
        payerEmail: null,
        vaultId: null,
      });
      return { setupId: approval.id, approveUrl: approveUrl(approval.id) };
    },
    finishVault: async (input) => {
      const setup = await store.findApproval(input.setupId);
      if (setup?.kind !== 'setup') return null;
      const done =
        setup.status === 'approved'
          ? ((await store.moveApproval(setup.id, ['approved'], {
              status: 'completed',
              vaultId: randomId('SBXV'),
            })) ?? (await store.findApproval(setup.id)))
          : setup;
      if (done?.status !== 'completed' || !done.vaultId || !done.payerEmail) return null;
      return { vaultId: done.vaultId, email: done.payerEmail };
    },
    chargeVaulted: async (input) => {
      const account = await store.findVault(input.vaultId);
      if (!account) return { status: 'declined', reason: 'paypal_vault_unknown' };
      return charge(account, { ...input, token: input.vaultId });
    },
    refund: (input) => store.refund(input.reference),
  };
}
