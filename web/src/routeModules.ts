/**
 * The module each address of the web app loads lazily (pages.ts, routed in App.tsx and
 * portalPages.tsx), named as Vite's build manifest names it (from web/). The server adds a
 * `<link rel="modulepreload">` for that module's chunk and everything it imports to the index.html
 * of the address (server/plugins/route-preloads.ts), so the browser fetches the page's code together
 * with the first screen's instead of discovering it chunk by chunk after the session has loaded.
 * routeModules.test.ts checks this list against pages.ts and the routes.
 */
export const routeModules: readonly (readonly [path: string, module: string])[] = [
  ['/', 'src/features/customers/HomePage.tsx'],
  ['/catalog', 'src/features/catalog/CatalogPage.tsx'],
  ['/renewals', 'src/features/renewals/RenewalsPage.tsx'],
  ['/quotes', 'src/features/quotes/QuotesPage.tsx'],
  ['/quotes/new', 'src/features/quotes/NewQuotePage.tsx'],
  ['/quotes/:quoteNumber', 'src/features/quotes/QuotePage.tsx'],
  ['/quotes/:quoteNumber/checkout', 'src/features/orders/CheckoutPage.tsx'],
  ['/quotes/:quoteNumber/print', 'src/features/quotes/QuotePrintPage.tsx'],
  ['/orders', 'src/features/orders/OrdersPage.tsx'],
  ['/orders/:orderNumber', 'src/features/orders/OrderPage.tsx'],
  ['/customers', 'src/features/customers/CustomersPage.tsx'],
  ['/customers/:customerId/licensing-report', 'src/features/customers/LicensingReportPage.tsx'],
  ['/invoices', 'src/features/invoices/InvoicesPage.tsx'],
  ['/invoices/:invoiceNumber', 'src/features/invoices/InvoicePage.tsx'],
  ['/invoices/:invoiceNumber/print', 'src/features/invoices/InvoicePrintPage.tsx'],
  ['/company', 'src/features/partner/CompanyProfilePage.tsx'],
  ['/company/users', 'src/features/partner/UsersPage.tsx'],
  ['/company/audit', 'src/features/partner/AuditLogPage.tsx'],
  ['/sessions', 'src/features/auth/SessionsPage.tsx'],
  ['/payment-methods', 'src/features/payments/PaymentMethodsPage.tsx'],
  ['/dev/mailbox', 'src/features/mailbox/MailboxPage.tsx'],
  ['/dev/mailbox/:id', 'src/features/mailbox/MailboxPage.tsx'],
  ['/invitations/:token', 'src/features/auth/InvitationPage.tsx'],
  ['/account-admin', 'src/features/account-admin/AccountAdminStartPage.tsx'],
  ['/account-admin/sign-in/:token', 'src/features/account-admin/AccountAdminSignInPage.tsx'],
  ['/account-admin/manage', 'src/features/account-admin/AccountAdminPage.tsx'],
  ['/admin/*', 'src/features/back-office/BackOffice.tsx'],
];
