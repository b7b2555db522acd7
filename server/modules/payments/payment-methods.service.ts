import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { PaymentMethodList } from '../../../contract/payment-methods.ts';
import type { Queryable } from '../../db/client.ts';
import { paymentMethods } from '../../db/schema/index.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { can, type PartnerUserActor } from '../auth/actor.ts';
import type { PaymentProvider } from './provider.ts';

interface Options {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

const live = (partnerId: string) =>
  and(eq(paymentMethods.partnerId, partnerId), isNull(paymentMethods.removedAt));
const notFound = () => new DomainError('not_found', 'payment_method.not_found', 'No such payment method.');

/** The partner's stored payment methods, the default first (SPEC §8). */
export async function listPaymentMethods(
  db: Queryable,
  actor: PartnerUserActor,
): Promise<z.input<typeof PaymentMethodList>> {
  const rows = await db
    .select()
    .from(paymentMethods)
    .where(live(actor.partner.id))
    .orderBy(desc(paymentMethods.isDefault), asc(paymentMethods.createdAt));
  return {
    items: rows.map((r) => ({
      id: r.id,
      provider: r.provider,
      brand: r.brand,
      last4: r.last4,
      expMonth: r.expMonth,
      expYear: r.expYear,
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
  const { actor, meta } = options;
  const card = await provider.describe(options.token, actor.partner.id);
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
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: paymentMethods.id })
      .from(paymentMethods)
      .where(live(actor.partner.id));
    const [row] = await tx
      .insert(paymentMethods)
      .values({
        partnerId: actor.partner.id,
        provider: provider.name,
        token: options.token,
        ...card,
        isDefault: existing.length === 0,
        createdAt: meta.now,
      })
      .returning({ id: paymentMethods.id });
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'payment_method.added',
      subjectType: 'payment_method',
      subjectId: row?.id ?? '',
      details: { brand: card.brand, last4: card.last4 },
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
    const [target] = await tx
      .select({ id: paymentMethods.id })
      .from(paymentMethods)
      .where(and(live(actor.partner.id), eq(paymentMethods.id, options.id)));
    if (!target) throw notFound();
    // One default per partner (a unique index): the old one first, then the new one.
    await tx.update(paymentMethods).set({ isDefault: false }).where(live(actor.partner.id));
    await tx.update(paymentMethods).set({ isDefault: true }).where(eq(paymentMethods.id, options.id));
    return listPaymentMethods(tx, actor);
  });
}

export async function removePaymentMethod(
  db: Queryable,
  options: Options & { id: string },
): Promise<z.input<typeof PaymentMethodList>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .update(paymentMethods)
      .set({ removedAt: meta.now, isDefault: false })
      .where(and(live(actor.partner.id), eq(paymentMethods.id, options.id)))
      .returning({
        id: paymentMethods.id,
        wasDefault: paymentMethods.isDefault,
        last4: paymentMethods.last4,
      });
    if (!removed) throw notFound();
    // The default went: the oldest remaining method takes its place.
    const [oldest] = await tx
      .select({ id: paymentMethods.id, isDefault: paymentMethods.isDefault })
      .from(paymentMethods)
      .where(live(actor.partner.id))
      .orderBy(desc(paymentMethods.isDefault), asc(paymentMethods.createdAt))
      .limit(1);
    if (oldest && !oldest.isDefault)
      await tx.update(paymentMethods).set({ isDefault: true }).where(eq(paymentMethods.id, oldest.id));
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

/** The token of a stored method of this partner, to charge (an order may use it, whoever stored it). */
export async function storedPaymentToken(db: Queryable, partnerId: string, id: string): Promise<string> {
  const [row] = await db
    .select({ token: paymentMethods.token })
    .from(paymentMethods)
    .where(and(live(partnerId), eq(paymentMethods.id, id)));
  if (!row) {
    throw new DomainError('not_found', 'payment_method.not_found', 'No such payment method.', {
      field: 'payment.paymentMethodId',
    });
  }
  return row.token;
}
