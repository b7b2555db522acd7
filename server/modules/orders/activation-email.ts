import { defaultLocaleFor } from '../../../contract/catalog.ts';
import type { Db } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { DomainError } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { PartnerUserActor } from '../auth/actor.ts';
import { queueEmail } from '../mail/outbox.ts';
import { activationEmail } from '../mail/templates.ts';
import { getOrder } from './order-view.ts';

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
    const order = await getOrder(tx, { actor, orderNumber: options.orderNumber });
    const withKeys = order.licenses.filter((l): l is typeof l & { key: string } => l.key !== null);
    if (!order.endUser || withKeys.length === 0) {
      throw new DomainError(
        'conflict',
        'order.no_activation',
        'This order has no licensee or no license keys to send.',
      );
    }
    const names = new Map(order.lines.map((line, index) => [index + 1, line.productName]));
    await queueEmail(tx, jobs, {
      partnerId: actor.partner.id,
      to: order.endUser.email,
      ...activationEmail({
        locale: defaultLocaleFor(order.customer.country),
        partnerName: actor.partner.name,
        orderNumber: order.orderNumber,
        customerName: order.customer.name,
        licenses: withKeys.map((l) => ({
          productName: names.get(l.lineNo) ?? l.productCode,
          licenseId: l.licenseId,
          key: l.key,
        })),
      }),
      subjectRef: `activation:${order.orderNumber}`,
      secret: true,
    });
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'order.activation_sent',
      subjectType: 'order',
      subjectId: order.orderNumber,
      details: { to: order.endUser.email, licenses: withKeys.length },
      meta,
    });
    return { sentTo: order.endUser.email };
  });
}
