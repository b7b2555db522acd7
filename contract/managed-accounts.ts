import { z } from 'zod';
import { ProductCode } from './cart.ts';
import { CustomerAccount, CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { Standing } from './licenses.ts';
import { optionalText, Pagination, SearchText } from './validation.ts';

/** An account whose admin made this partner its Purchaser (SPEC §10). */
export const ManagedAccount = CustomerAccount.extend({
  /** Since when this partner is the account's Purchaser. */
  grantedAt: z.iso.datetime({ offset: true }),
  licenses: z.number().int(),
}).meta({ id: 'ManagedAccount' });
export type ManagedAccount = z.infer<typeof ManagedAccount>;

export const ManagedAccountList = z
  .object({ items: z.array(ManagedAccount) })
  .meta({ id: 'ManagedAccountList' });

/** What the licensing report narrows to: a product, a status, a team, a License ID or user email. */
export const LicensingReportQuery = z.strictObject({
  product: ProductCode.optional(),
  status: Standing.optional(),
  team: optionalText(100),
  q: SearchText,
  ...Pagination,
});
// No schema id: query strings must stay inline for the OpenAPI generator.
export type LicensingReportQuery = z.input<typeof LicensingReportQuery>;
export type LicensingReportFilters = z.output<typeof LicensingReportQuery>;

/** One license of the report: product, License ID, assigned user, team, pack, period, status, fallback right. */
export const LicensingReportRow = z
  .object({
    productCode: z.string(),
    productName: z.string(),
    licenseId: z.string(),
    assignedTo: z.string().nullable(),
    team: z.string().nullable(),
    packNumber: z.string(),
    serviceDomain: z.string().nullable(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    status: Standing,
    /** The perpetual fallback license the current period grants. */
    perpetualFallback: z.boolean(),
  })
  .meta({ id: 'LicensingReportRow' });
export type LicensingReportRow = z.infer<typeof LicensingReportRow>;

export const LicensingReport = z
  .object({
    customer: CustomerAccount,
    items: z.array(LicensingReportRow),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** What the filters offer: the account's products and teams. */
    products: z.array(z.object({ code: z.string(), name: z.string() })),
    teams: z.array(z.string()),
  })
  .meta({ id: 'LicensingReport' });

const AccountParams = z.strictObject({ customerId: CustomerId });

export const managedAccountsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/customers/managed',
    operationId: 'listManagedAccounts',
    summary: 'The Customers tab: every account whose admin made this partner its Purchaser',
    tag: 'customers',
    response: ManagedAccountList,
  }),
  report: endpoint({
    method: 'GET',
    path: '/api/customers/:customerId/licensing-report',
    operationId: 'getLicensingReport',
    summary:
      "A managed account's licensing report: every license with product, License ID, assigned user, team, pack, period, status and fallback right; filtered and paginated",
    tag: 'customers',
    params: AccountParams,
    query: LicensingReportQuery,
    response: LicensingReport,
  }),
  reportCsv: endpoint({
    method: 'GET',
    path: '/api/customers/:customerId/licensing-report.csv',
    operationId: 'getLicensingReportCsv',
    summary: 'The licensing report with the same filters as a CSV file (every matching license, no pages)',
    tag: 'customers',
    params: AccountParams,
    query: LicensingReportQuery.omit({ page: true, pageSize: true }),
    response: z.string().meta({ format: 'binary', description: 'The report as CSV (UTF-8)' }),
    file: { contentType: 'text/csv; charset=utf-8' },
  }),
};
