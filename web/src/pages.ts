import { preloadablePage } from './preloadablePage.ts';

// Each page is its own chunk, loaded when first visited (Layout shows a loader meanwhile), so the
// first screen only loads the shell, the login page and what every page shares. The budget is
// checked after every build (scripts/check-bundle.ts).
export const HomePage = preloadablePage(
  './features/customers/HomePage.tsx',
  () => import('./features/customers/HomePage.tsx'),
  (m) => m.HomePage,
);
export const CatalogPage = preloadablePage(
  './features/catalog/CatalogPage.tsx',
  () => import('./features/catalog/CatalogPage.tsx'),
  (m) => m.CatalogPage,
);
export const CompanyProfilePage = preloadablePage(
  './features/partner/CompanyProfilePage.tsx',
  () => import('./features/partner/CompanyProfilePage.tsx'),
  (m) => m.CompanyProfilePage,
);
export const CheckoutPage = preloadablePage(
  './features/orders/CheckoutPage.tsx',
  () => import('./features/orders/CheckoutPage.tsx'),
  (m) => m.CheckoutPage,
);
export const OrderPage = preloadablePage(
  './features/orders/OrderPage.tsx',
  () => import('./features/orders/OrderPage.tsx'),
  (m) => m.OrderPage,
);
export const PaymentMethodsPage = preloadablePage(
  './features/payments/PaymentMethodsPage.tsx',
  () => import('./features/payments/PaymentMethodsPage.tsx'),
  (m) => m.PaymentMethodsPage,
);
export const MailboxPage = preloadablePage(
  './features/mailbox/MailboxPage.tsx',
  () => import('./features/mailbox/MailboxPage.tsx'),
  (m) => m.MailboxPage,
);
export const MailboxMessagePage = preloadablePage(
  './features/mailbox/MailboxPage.tsx',
  () => import('./features/mailbox/MailboxPage.tsx'),
  (m) => m.MailboxMessagePage,
);
export const QuotePrintPage = preloadablePage(
  './features/quotes/QuotePrintPage.tsx',
  () => import('./features/quotes/QuotePrintPage.tsx'),
  (m) => m.QuotePrintPage,
);
export const QuotesPage = preloadablePage(
  './features/quotes/QuotesPage.tsx',
  () => import('./features/quotes/QuotesPage.tsx'),
  (m) => m.QuotesPage,
);
export const NewQuotePage = preloadablePage(
  './features/quotes/NewQuotePage.tsx',
  () => import('./features/quotes/NewQuotePage.tsx'),
  (m) => m.NewQuotePage,
);
export const RenewalsPage = preloadablePage(
  './features/renewals/RenewalsPage.tsx',
  () => import('./features/renewals/RenewalsPage.tsx'),
  (m) => m.RenewalsPage,
);
export const InvoicesPage = preloadablePage(
  './features/invoices/InvoicesPage.tsx',
  () => import('./features/invoices/InvoicesPage.tsx'),
  (m) => m.InvoicesPage,
);
export const InvoicePage = preloadablePage(
  './features/invoices/InvoicePage.tsx',
  () => import('./features/invoices/InvoicePage.tsx'),
  (m) => m.InvoicePage,
);
export const InvoicePrintPage = preloadablePage(
  './features/invoices/InvoicePrintPage.tsx',
  () => import('./features/invoices/InvoicePrintPage.tsx'),
  (m) => m.InvoicePrintPage,
);
export const CustomersPage = preloadablePage(
  './features/customers/CustomersPage.tsx',
  () => import('./features/customers/CustomersPage.tsx'),
  (m) => m.CustomersPage,
);
export const LicensingReportPage = preloadablePage(
  './features/customers/LicensingReportPage.tsx',
  () => import('./features/customers/LicensingReportPage.tsx'),
  (m) => m.LicensingReportPage,
);
export const AccountAdminStartPage = preloadablePage(
  './features/account-admin/AccountAdminStartPage.tsx',
  () => import('./features/account-admin/AccountAdminStartPage.tsx'),
  (m) => m.AccountAdminStartPage,
);
export const AccountAdminSignInPage = preloadablePage(
  './features/account-admin/AccountAdminSignInPage.tsx',
  () => import('./features/account-admin/AccountAdminSignInPage.tsx'),
  (m) => m.AccountAdminSignInPage,
);
export const AccountAdminPage = preloadablePage(
  './features/account-admin/AccountAdminPage.tsx',
  () => import('./features/account-admin/AccountAdminPage.tsx'),
  (m) => m.AccountAdminPage,
);
export const BackOffice = preloadablePage(
  './features/back-office/BackOffice.tsx',
  () => import('./features/back-office/BackOffice.tsx'),
  (m) => m.BackOffice,
);
export const UsersPage = preloadablePage(
  './features/partner/UsersPage.tsx',
  () => import('./features/partner/UsersPage.tsx'),
  (m) => m.UsersPage,
);
export const AuditLogPage = preloadablePage(
  './features/partner/AuditLogPage.tsx',
  () => import('./features/partner/AuditLogPage.tsx'),
  (m) => m.AuditLogPage,
);
export const InvitationPage = preloadablePage(
  './features/auth/InvitationPage.tsx',
  () => import('./features/auth/InvitationPage.tsx'),
  (m) => m.InvitationPage,
);
export const OrdersPage = preloadablePage(
  './features/orders/OrdersPage.tsx',
  () => import('./features/orders/OrdersPage.tsx'),
  (m) => m.OrdersPage,
);
export const QuotePage = preloadablePage(
  './features/quotes/QuotePage.tsx',
  () => import('./features/quotes/QuotePage.tsx'),
  (m) => m.QuotePage,
);
export const SessionsPage = preloadablePage(
  './features/auth/SessionsPage.tsx',
  () => import('./features/auth/SessionsPage.tsx'),
  (m) => m.SessionsPage,
);
