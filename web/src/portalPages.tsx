import type { ReactNode } from 'react';
import type { Permission } from '../../contract/index.ts';
import {
  AuditLogPage,
  CatalogPage,
  CheckoutPage,
  CompanyProfilePage,
  CustomersPage,
  InvoicePage,
  InvoicesPage,
  LicensingReportPage,
  MailboxMessagePage,
  MailboxPage,
  NewQuotePage,
  OrderPage,
  OrdersPage,
  PaymentMethodsPage,
  QuotePage,
  QuotesPage,
  RenewalsPage,
  UsersPage,
} from './pages.ts';

/** The portal's pages inside its layout, with the permission each needs (null: any logged-in user). */
export const portalPages: readonly (readonly [string, Permission | null, ReactNode])[] = [
  ['catalog', 'catalog.read', <CatalogPage key="catalog" />],
  ['renewals', 'licenses.read', <RenewalsPage key="renewals" />],
  ['quotes', 'quotes.read', <QuotesPage key="quotes" />],
  ['quotes/new', 'quotes.create', <NewQuotePage key="quotes/new" />],
  ['quotes/:quoteNumber', 'quotes.read', <QuotePage key="quotes/:quoteNumber" />],
  ['quotes/:quoteNumber/checkout', 'orders.create', <CheckoutPage key="quotes/:quoteNumber/checkout" />],
  ['orders', 'orders.read', <OrdersPage key="orders" />],
  ['orders/:orderNumber', 'orders.read', <OrderPage key="orders/:orderNumber" />],
  ['customers', 'customers.open', <CustomersPage key="customers" />],
  [
    'customers/:customerId/licensing-report',
    'customers.open',
    <LicensingReportPage key="customers/:customerId/licensing-report" />,
  ],
  ['invoices', 'invoices.read', <InvoicesPage key="invoices" />],
  ['invoices/:invoiceNumber', 'invoices.read', <InvoicePage key="invoices/:invoiceNumber" />],
  ['company', null, <CompanyProfilePage key="company" />],
  ['company/users', 'partner.manage', <UsersPage key="company/users" />],
  ['company/audit', 'partner.manage', <AuditLogPage key="company/audit" />],
  ['payment-methods', null, <PaymentMethodsPage key="payment-methods" />],
  ['dev/mailbox', null, <MailboxPage key="dev/mailbox" />],
  ['dev/mailbox/:id', null, <MailboxMessagePage key="dev/mailbox/:id" />],
];
