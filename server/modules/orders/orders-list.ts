import type { z } from 'zod';
import type { OrderList, OrderListFilters } from '../../../contract/orders.ts';
import type { Queryable } from '../../db/client.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { listOrderSummaries } from './order-search.queries.ts';

/** The Orders section (SPEC §9): this partner's orders, newest first, searched and paginated. */
export async function listOrders(
  db: Queryable,
  options: { actor: PartnerUserActor; filters: OrderListFilters },
): Promise<z.input<typeof OrderList>> {
  const { filters } = options;
  const { items, total } = await listOrderSummaries(db, { partnerId: options.actor.partner.id, ...filters });
  return {
    items: items.map((row) => ({
      orderNumber: row.orderNumber,
      quoteNumber: row.quoteNumber,
      customer: { customerId: row.customerId, name: row.customerName, country: row.customerCountry },
      endUserEmail: row.endUserEmail,
      poNumber: row.poNumber,
      currency: row.currency,
      totalMinor: row.totalMinor,
      createdAt: row.createdAt.toISOString(),
      invoice:
        row.invoiceNumber && row.invoiceStatus && row.paymentType
          ? { invoiceNumber: row.invoiceNumber, status: row.invoiceStatus, paymentType: row.paymentType }
          : null,
    })),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}
