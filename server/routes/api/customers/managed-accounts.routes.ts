import type { FastifyInstance } from 'fastify';
import { managedAccountsApi } from '../../../../contract/managed-accounts.ts';
import { FileAnswer, route } from '../../../http/route.ts';
import { listManagedAccounts } from '../../../modules/customers/managed-accounts.ts';
import { licensingReport, licensingReportCsv } from '../../../modules/licenses/licensing-report.ts';

/** The Customers tab (SPEC §10): managed accounts and their licensing reports, for sellers. */
export async function managedAccountRoutes(app: FastifyInstance): Promise<void> {
  const access = { actors: ['partner_user'], permission: 'customers.open' } as const;
  route(app, managedAccountsApi.list, access, ({ actor, db }) => listManagedAccounts(db, actor));
  // Licensing reports read from the standby when there is one (http/route.ts).
  const reporting = { ...access, reads: 'standby' } as const;
  route(app, managedAccountsApi.report, reporting, ({ actor, db, meta, params, query }) =>
    licensingReport(db, { actor, now: meta.now, customerId: params.customerId, filters: query }),
  );
  route(app, managedAccountsApi.reportCsv, reporting, async ({ actor, db, meta, params, query }) => {
    const report = await licensingReportCsv(db, {
      actor,
      now: meta.now,
      customerId: params.customerId,
      filters: query,
    });
    return new FileAnswer(report.stream, `licensing-report-${report.customerId}.csv`, 'attachment');
  });
}
