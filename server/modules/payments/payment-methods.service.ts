import type { z } from 'zod';
import type { PayPalApproval } from '../../../contract/orders.ts';
import type { PaymentMethodKind, PaymentMethodList } from '../../../contract/payment-methods.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError } from '../../lib/errors.ts';
import { can, type PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  clearDefaultPaymentMethod,
  findFirstLivePaymentMethod,
  findLivePaymentMethodId,
  findLivePaymentMethods,
  findLivePaymentMethodToken,
  findLivePaymentMethodTokens,
  insertPaymentMethod,
  markPaymentMethodDefault,
  markPaymentMethodRemoved,
  type NewPaymentMethod,
} from './payment-methods.queries.ts';
import type { PayPalGateway } from './paypal/paypal-gateway.ts';
import type { PaymentProvider } from './provider.ts';
import {
  bindVaultSetup,
  completeVaultSetup,
  findVaultSetup,
  linkVaultSetup,
} from './vault-setups.queries.ts';

interface Options {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

const notFound = () => new DomainError('not_found', 'payment_method.not_found', 'No such payment method.');

/** The partner's stored payment methods, the default first (SPEC §8). */
export async function listPaymentMethods(
  db: Queryable,
  actor: PartnerUserActor,
): Promise<z.input<typeof PaymentMethodList>> {
  const rows = await findLivePaymentMethods(db, actor.partner.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      provider: r.provider,
      kind: r.kind,
      brand: r.brand,
      last4: r.last4,
      expMonth: r.expMonth,
      expYear: r.expYear,
      email: r.payerEmail,
      isDefault: r.isDefault,
    })),
    actions: { manage: can(actor, 'payment_methods.manage') },
  };
}

/** Stores a card the provider's hosted form tokenised; the first stored one becomes the default. */
export async function addPaymentMethod(
  db: Queryable,
  provider: PaymentProvider,
  options: Options & { token: string },
): Promise<z.input<typeof PaymentMethodList>> {
  const card = await provider.describe(options.token, options.actor.partner.id);
  if (!card) {
    throw new DomainError(
      'invalid',
      'payment_method.unknown_token',
      'Enter the card again in the payment form.',
      {
        field: 'token',
      },
    );
  }
  return storeMethod(db, options, {
    provider: provider.name,
    kind: 'card',
    token: options.token,
    ...card,
    audit: { brand: card.brand, last4: card.last4 },
  });
}

/** Where PayPal sends the buyer back after approving (or cancelling) storing their account. */
const payPalReturn = (publicUrl: string, outcome: 'approved' | 'cancelled') =>
  `${publicUrl}/payment-methods?paypal=${outcome}`;

/**
 * Starts storing a PayPal account: the buyer approves it on PayPal's pages, then comes back. The
 * setup is bound to this partner and user (item 8 of issue 16): only they may complete it, once.
 */
export async function startStoringPayPal(
  db: Queryable,
  paypal: PayPalGateway | null,
  options: Options & { publicUrl: string; attemptKey: string },
): Promise<z.input<typeof PayPalApproval>> {
  const { actor, meta } = options;
  const gateway = payPalOffered(paypal);
  const started = await gateway.startVault({
    returnUrl: payPalReturn(options.publicUrl, 'approved'),
    cancelUrl: payPalReturn(options.publicUrl, 'cancelled'),
    // PayPal's request ids are per merchant, shared by every partner: the key names whose it is.
    idempotencyKey: `vault:${actor.partner.id}:${actor.userId}:${options.attemptKey}`,
  });
  const bound = await bindVaultSetup(db, {
    setupId: started.setupId,
    partnerId: actor.partner.id,
    partnerUserId: actor.userId,
    now: meta.now,
  });
  if (bound.partnerId !== actor.partner.id || bound.partnerUserId !== actor.userId)
    throw new Error(`PayPal setup ${started.setupId} is bound to someone else`);
  return { approveUrl: started.approveUrl, id: started.setupId };
}

/** Another's approval id, or one never started here, is answered as an unknown one. */
const setupNotFound = () =>
  new DomainError(
    'not_found',
    'payment_method.paypal_setup_not_found',
    'This PayPal approval is not one you started here. Add PayPal again.',
    { field: 'approvalId' },
  );

/**
 * Stores the PayPal account the buyer approved: only the partner user who started the setup may,
 * and only once; the same approval again stores nothing new.
 */
export async function completeStoringPayPal(
  db: Queryable,
  paypal: PayPalGateway | null,
  options: Options & { approvalId: string },
): Promise<z.input<typeof PaymentMethodList>> {
  const { actor } = options;
  const gateway = payPalOffered(paypal);
  const setup = await findVaultSetup(db, options.approvalId);
  if (!setup || setup.partnerId !== actor.partner.id || setup.partnerUserId !== actor.userId)
    throw setupNotFound();
  if (setup.completedAt) return listPaymentMethods(db, actor);
  const account = await gateway.finishVault({
    setupId: options.approvalId,
    idempotencyKey: `vault-token:${options.approvalId}`,
  });
  if (!account) {
    throw new DomainError(
      'invalid',
      'payment_method.paypal_not_approved',
      'PayPal did not confirm the account. Add PayPal again.',
      { field: 'approvalId' },
    );
  }
  return storeMethod(
    db,
    options,
    {
      provider: gateway.provider,
      kind: 'paypal',
      token: account.vaultId,
      brand: 'paypal',
      payerEmail: account.email,
      audit: { brand: 'paypal', email: account.email },
    },
    { setupId: options.approvalId },
  );
}

/** PayPal where the portal offers it; asked where it does not, the answer says so. */
export function payPalOffered(paypal: PayPalGateway | null): PayPalGateway {
  if (!paypal) {
    throw new DomainError('invalid', 'payment.paypal_not_offered', 'PayPal is not offered here.', {
      field: 'payment',
    });
  }
  return paypal;
}

async function storeMethod(
  db: Queryable,
  options: Options,
  method: Omit<NewPaymentMethod, 'partnerId' | 'isDefault' | 'createdAt'> & {
    audit: Record<string, string>;
  },
  /** The PayPal setup this completes, once: a second completion stores nothing. */
  from: { setupId: string } | null = null,
): Promise<z.input<typeof PaymentMethodList>> {
  const { actor, meta } = options;
  const { audit, ...values } = method;
  return db.transaction(async (tx) => {
    if (from && !(await completeVaultSetup(tx, from.setupId, meta.now))) return listPaymentMethods(tx, actor);
    // The same account or card stored twice is one method.
    const existing = await findLivePaymentMethodTokens(tx, actor.partner.id);
    if (existing.some((m) => m.token === values.token)) return listPaymentMethods(tx, actor);
    const row = await insertPaymentMethod(tx, {
      ...values,
      partnerId: actor.partner.id,
      isDefault: existing.length === 0,
      createdAt: meta.now,
    });
    if (from && row) await linkVaultSetup(tx, from.setupId, row.id);
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'payment_method.added',
      subjectType: 'payment_method',
      subjectId: row?.id ?? '',
      details: audit,
      meta,
    });
    return listPaymentMethods(tx, actor);
  });
}

export async function setDefaultPaymentMethod(
  db: Queryable,
  options: Options & { id: string },
): Promise<z.input<typeof PaymentMethodList>> {
  const { actor } = options;
  return db.transaction(async (tx) => {
    const target = await findLivePaymentMethodId(tx, actor.partner.id, options.id);
    if (!target) throw notFound();
    // One default per partner (a unique index): the old one first, then the new one.
    await clearDefaultPaymentMethod(tx, actor.partner.id);
    await markPaymentMethodDefault(tx, options.id);
    return listPaymentMethods(tx, actor);
  });
}

export async function removePaymentMethod(
  db: Queryable,
  options: Options & { id: string },
): Promise<z.input<typeof PaymentMethodList>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    const removed = await markPaymentMethodRemoved(tx, actor.partner.id, options.id, meta.now);
    if (!removed) throw notFound();
    // The default went: the oldest remaining method takes its place.
    const oldest = await findFirstLivePaymentMethod(tx, actor.partner.id);
    if (oldest && !oldest.isDefault) await markPaymentMethodDefault(tx, oldest.id);
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'payment_method.removed',
      subjectType: 'payment_method',
      subjectId: removed.id,
      details: { last4: removed.last4 },
      meta,
    });
    return listPaymentMethods(tx, actor);
  });
}

/** A stored method of this partner, to charge (an order may use it, whoever stored it). */
export async function storedPaymentMethod(
  db: Queryable,
  partnerId: string,
  id: string,
): Promise<{ token: string; kind: PaymentMethodKind }> {
  const row = await findLivePaymentMethodToken(db, partnerId, id);
  if (!row) {
    throw new DomainError('not_found', 'payment_method.not_found', 'No such payment method.', {
      field: 'payment.paymentMethodId',
    });
  }
  return row;
}
