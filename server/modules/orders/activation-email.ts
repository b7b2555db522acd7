import type { z } from 'zod';
import { defaultLocaleFor } from '../../../contract/catalog.ts';
import type { Order } from '../../../contract/orders.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/outbox.ts';
import { countEmailSend } from '../mail/send-limits.ts';
import { activationEmail } from '../mail/templates.ts';
import { getOrder } from './order-view.ts';
import { mayResendLicenses, maySendActivation, type OrderFacts } from './orders.policy.ts';

/**
 * Send activation email (SPEC §8): the order's licenses with their keys to its licensee, in the
 * customer's language. The keys travel sealed in the outbox and are opened only to send.
 */
export async function sendActivationEmail(
  db: Db,
  jobs: JobQueue,
  options: { actor: PartnerUserActor; meta: RequestMeta; orderNumber: string },
): Promise<{ sentTo: string }> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    await countEmailSend(tx, actor, meta.now);
    const order = await getOrder(tx, { actor, orderNumber: options.orderNumber });
    const { endUser } = order;
    // endUser is the policy's to require; named again here only so TypeScript knows it is there.
    if (!maySendActivation(actor, factsOf(order)) || endUser === null) {
      throw new DomainError(
        'conflict',
        'order.no_activation',
        'This order has no licensee or no license keys to send.',
      );
    }
    const withKeys = order.licenses.filter((l): l is typeof l & { key: string } => l.key !== null);
    await queueLicensesEmail(tx, jobs, { actor, order, to: endUser.email, licenses: withKeys });
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'order.activation_sent',
      subjectType: 'order',
      subjectId: order.orderNumber,
      details: { to: endUser.email, licenses: withKeys.length },
      meta,
    });
    return { sentTo: endUser.email };
  });
}

/**
 * Resend licenses (SPEC §9): the order's licenses go to its end users again — the licensee all of
 * them, each user a license is assigned to their own — in the customer's language, one email each.
 */
export async function resendLicenses(
  db: Db,
  jobs: JobQueue,
  options: { actor: PartnerUserActor; meta: RequestMeta; orderNumber: string },
): Promise<{ sentTo: string[] }> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    // One send, however many end users it reaches: they are the order's, not addresses typed now.
    await countEmailSend(tx, actor, meta.now);
    const order = await getOrder(tx, { actor, orderNumber: options.orderNumber });
    if (!mayResendLicenses(actor, factsOf(order))) {
      throw new DomainError(
        'conflict',
        'order.no_activation',
        'This order has no license keys, or no end user, to send licenses to.',
      );
    }
    const withKeys = order.licenses.filter((l): l is typeof l & { key: string } => l.key !== null);
    const recipients = new Map<string, typeof withKeys>();
    if (order.endUser) recipients.set(order.endUser.email.toLowerCase(), withKeys);
    for (const license of withKeys) {
      if (!license.assignedTo) continue;
      const to = license.assignedTo.toLowerCase();
      if (to === order.endUser?.email.toLowerCase()) continue;
      recipients.set(to, [...(recipients.get(to) ?? []), license]);
    }
    for (const [to, licenses] of recipients)
      await queueLicensesEmail(tx, jobs, { actor, order, to, licenses });
    const sentTo = [...recipients.keys()];
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'order.licenses_resent',
      subjectType: 'order',
      subjectId: order.orderNumber,
      details: { to: sentTo.join(', '), licenses: withKeys.length },
      meta,
    });
    return { sentTo };
  });
}

/** The order as its policy reads it: a license shown without its key has none to send. */
function factsOf(order: z.input<typeof Order>): OrderFacts {
  return {
    endUser: order.endUser,
    licenses: order.licenses.map((l) => ({ keyed: l.key !== null, assignedTo: l.assignedTo })),
    licensesSentAt: order.licensesSentAt,
  };
}

/** One email with licenses and their keys, sealed in the outbox until it is sent. */
async function queueLicensesEmail(
  tx: Queryable,
  jobs: JobQueue,
  input: {
    actor: PartnerUserActor;
    order: z.input<typeof Order>;
    to: string;
    licenses: { lineNo: number; productCode: string; licenseId: string; key: string }[];
  },
): Promise<void> {
  const { actor, order } = input;
  const names = new Map(order.lines.map((line, index) => [index + 1, line.productName]));
  await queueEmail(tx, jobs, {
    partnerId: actor.partner.id,
    to: input.to,
    ...activationEmail({
      locale: defaultLocaleFor(order.customer.country),
      partnerName: actor.partner.name,
      orderNumber: order.orderNumber,
      customerName: order.customer.name,
      licenses: input.licenses.map((l) => ({
        productName: names.get(l.lineNo) ?? l.productCode,
        licenseId: l.licenseId,
        key: l.key,
      })),
    }),
    about: { kind: 'activation', ref: order.orderNumber },
  });
}
