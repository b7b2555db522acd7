import { lazy } from 'react';

// Each page is its own chunk, loaded when first visited (Layout shows a loader meanwhile), so the
// first screen only loads the shell, the login page and what every page shares. The budget is
// checked after every build (scripts/check-bundle.ts).
export const HomePage = lazy(() =>
  import('./features/customers/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
export const CatalogPage = lazy(() =>
  import('./features/catalog/CatalogPage.tsx').then((m) => ({ default: m.CatalogPage })),
);
export const CompanyProfilePage = lazy(() =>
  import('./features/partner/CompanyProfilePage.tsx').then((m) => ({ default: m.CompanyProfilePage })),
);
export const CheckoutPage = lazy(() =>
  import('./features/orders/CheckoutPage.tsx').then((m) => ({ default: m.CheckoutPage })),
);
export const OrderPage = lazy(() =>
  import('./features/orders/OrderPage.tsx').then((m) => ({ default: m.OrderPage })),
);
export const PaymentMethodsPage = lazy(() =>
  import('./features/payments/PaymentMethodsPage.tsx').then((m) => ({ default: m.PaymentMethodsPage })),
);
export const MailboxPage = lazy(() =>
  import('./features/mailbox/MailboxPage.tsx').then((m) => ({ default: m.MailboxPage })),
);
export const MailboxMessagePage = lazy(() =>
  import('./features/mailbox/MailboxPage.tsx').then((m) => ({ default: m.MailboxMessagePage })),
);
export const QuotePrintPage = lazy(() =>
  import('./features/quotes/QuotePrintPage.tsx').then((m) => ({ default: m.QuotePrintPage })),
);
export const QuotesPage = lazy(() =>
  import('./features/quotes/QuotesPage.tsx').then((m) => ({ default: m.QuotesPage })),
);
export const NewQuotePage = lazy(() =>
  import('./features/quotes/NewQuotePage.tsx').then((m) => ({ default: m.NewQuotePage })),
);
export const RenewalsPage = lazy(() =>
  import('./features/renewals/RenewalsPage.tsx').then((m) => ({ default: m.RenewalsPage })),
);
export const InvoicesPage = lazy(() =>
  import('./features/invoices/InvoicesPage.tsx').then((m) => ({ default: m.InvoicesPage })),
);
export const InvoicePage = lazy(() =>
  import('./features/invoices/InvoicePage.tsx').then((m) => ({ default: m.InvoicePage })),
);
export const InvoicePrintPage = lazy(() =>
  import('./features/invoices/InvoicePrintPage.tsx').then((m) => ({ default: m.InvoicePrintPage })),
);
export const CustomersPage = lazy(() =>
  import('./features/customers/CustomersPage.tsx').then((m) => ({ default: m.CustomersPage })),
);
export const LicensingReportPage = lazy(() =>
  import('./features/customers/LicensingReportPage.tsx').then((m) => ({ default: m.LicensingReportPage })),
);
export const AccountAdminStartPage = lazy(() =>
  import('./features/account-admin/AccountAdminStartPage.tsx').then((m) => ({
    default: m.AccountAdminStartPage,
  })),
);
export const AccountAdminSignInPage = lazy(() =>
  import('./features/account-admin/AccountAdminSignInPage.tsx').then((m) => ({
    default: m.AccountAdminSignInPage,
  })),
);
export const AccountAdminPage = lazy(() =>
  import('./features/account-admin/AccountAdminPage.tsx').then((m) => ({ default: m.AccountAdminPage })),
);
export const BackOffice = lazy(() =>
  import('./features/back-office/BackOffice.tsx').then((m) => ({ default: m.BackOffice })),
);
export const UsersPage = lazy(() =>
  import('./features/partner/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
export const AuditLogPage = lazy(() =>
  import('./features/partner/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })),
);
export const InvitationPage = lazy(() =>
  import('./features/auth/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })),
);
export const OrdersPage = lazy(() =>
  import('./features/orders/OrdersPage.tsx').then((m) => ({ default: m.OrdersPage })),
);
export const QuotePage = lazy(() =>
  import('./features/quotes/QuotePage.tsx').then((m) => ({ default: m.QuotePage })),
);
export const SessionsPage = lazy(() =>
  import('./features/auth/SessionsPage.tsx').then((m) => ({ default: m.SessionsPage })),
);
