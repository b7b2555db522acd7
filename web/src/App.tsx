import { Center } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { useSession } from './features/auth/api.ts';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { loginPathFor, safeNextPath } from './features/auth/next.ts';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { SessionProvider } from './features/auth/session.tsx';
import { Layout, PublicLayout } from './ui/Layout.tsx';
import { NotFoundPage } from './ui/NotFoundPage.tsx';
import { ErrorState, LoadingState } from './ui/states.tsx';

// Each page is its own chunk, loaded when first visited (Layout shows a loader meanwhile), so the
// first screen only loads the shell, the login page and what every page shares. The budget is
// checked after every build (scripts/check-bundle.ts).
const HomePage = lazy(() =>
  import('./features/customers/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
const CatalogPage = lazy(() =>
  import('./features/catalog/CatalogPage.tsx').then((m) => ({ default: m.CatalogPage })),
);
const CompanyProfilePage = lazy(() =>
  import('./features/partner/CompanyProfilePage.tsx').then((m) => ({ default: m.CompanyProfilePage })),
);
const CheckoutPage = lazy(() =>
  import('./features/orders/CheckoutPage.tsx').then((m) => ({ default: m.CheckoutPage })),
);
const OrderPage = lazy(() =>
  import('./features/orders/OrderPage.tsx').then((m) => ({ default: m.OrderPage })),
);
const PaymentMethodsPage = lazy(() =>
  import('./features/payments/PaymentMethodsPage.tsx').then((m) => ({ default: m.PaymentMethodsPage })),
);
const MailboxPage = lazy(() =>
  import('./features/mailbox/MailboxPage.tsx').then((m) => ({ default: m.MailboxPage })),
);
const MailboxMessagePage = lazy(() =>
  import('./features/mailbox/MailboxPage.tsx').then((m) => ({ default: m.MailboxMessagePage })),
);
const QuotePrintPage = lazy(() =>
  import('./features/quotes/QuotePrintPage.tsx').then((m) => ({ default: m.QuotePrintPage })),
);
const QuotesPage = lazy(() =>
  import('./features/quotes/QuotesPage.tsx').then((m) => ({ default: m.QuotesPage })),
);
const NewQuotePage = lazy(() =>
  import('./features/quotes/NewQuotePage.tsx').then((m) => ({ default: m.NewQuotePage })),
);
const RenewalsPage = lazy(() =>
  import('./features/renewals/RenewalsPage.tsx').then((m) => ({ default: m.RenewalsPage })),
);
const InvoicesPage = lazy(() =>
  import('./features/invoices/InvoicesPage.tsx').then((m) => ({ default: m.InvoicesPage })),
);
const InvoicePage = lazy(() =>
  import('./features/invoices/InvoicePage.tsx').then((m) => ({ default: m.InvoicePage })),
);
const InvoicePrintPage = lazy(() =>
  import('./features/invoices/InvoicePrintPage.tsx').then((m) => ({ default: m.InvoicePrintPage })),
);
const CustomersPage = lazy(() =>
  import('./features/customers/CustomersPage.tsx').then((m) => ({ default: m.CustomersPage })),
);
const LicensingReportPage = lazy(() =>
  import('./features/customers/LicensingReportPage.tsx').then((m) => ({ default: m.LicensingReportPage })),
);
const AccountAdminStartPage = lazy(() =>
  import('./features/account-admin/AccountAdminStartPage.tsx').then((m) => ({
    default: m.AccountAdminStartPage,
  })),
);
const AccountAdminSignInPage = lazy(() =>
  import('./features/account-admin/AccountAdminSignInPage.tsx').then((m) => ({
    default: m.AccountAdminSignInPage,
  })),
);
const AccountAdminPage = lazy(() =>
  import('./features/account-admin/AccountAdminPage.tsx').then((m) => ({ default: m.AccountAdminPage })),
);
const BackOffice = lazy(() =>
  import('./features/back-office/BackOffice.tsx').then((m) => ({ default: m.BackOffice })),
);
const UsersPage = lazy(() =>
  import('./features/partner/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const AuditLogPage = lazy(() =>
  import('./features/partner/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })),
);
const InvitationPage = lazy(() =>
  import('./features/auth/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })),
);
const OrdersPage = lazy(() =>
  import('./features/orders/OrdersPage.tsx').then((m) => ({ default: m.OrdersPage })),
);
const QuotePage = lazy(() =>
  import('./features/quotes/QuotePage.tsx').then((m) => ({ default: m.QuotePage })),
);

/** A logged-out visit to a page (or a session that ended on it) logs in and comes back to it. */
function RedirectToLogin() {
  return <Navigate to={loginPathFor(useLocation())} replace />;
}

/** Logged in on /login: go on to the page that was asked for. */
function RedirectAfterLogin() {
  const [searchParams] = useSearchParams();
  return <Navigate to={safeNextPath(searchParams.get('next')) ?? '/'} replace />;
}

export function App() {
  const session = useSession();

  if (session.isPending) {
    return (
      <Center mih="100dvh">
        <LoadingState />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <PublicLayout>
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </PublicLayout>
    );
  }

  const current = session.data;
  return (
    <Routes>
      <Route path="/login" element={current ? <RedirectAfterLogin /> : <LoginPage />} />
      {/* The vendor staff back office: its own sign-in and pages (no partner session). */}
      <Route path="/admin" element={<Navigate to="/admin/invoices" replace />} />
      {(['login', 'invoices', 'partners', 'catalog'] as const).map((page) => (
        <Route
          key={page}
          path={`/admin/${page}`}
          element={
            <Suspense fallback={<LoadingState />}>
              <BackOffice page={page} />
            </Suspense>
          }
        />
      ))}
      {/* A customer's account admin: a link by email, then the account's Purchasers (no partner login). */}
      {(
        [
          ['/account-admin', <AccountAdminStartPage key="start" />],
          ['/account-admin/sign-in/:token', <AccountAdminSignInPage key="sign-in" />],
          ['/account-admin/manage', <AccountAdminPage key="manage" />],
        ] as const
      ).map(([path, page]) => (
        <Route key={path} path={path} element={<Suspense fallback={<LoadingState />}>{page}</Suspense>} />
      ))}
      {/* An invitation's link works whoever is logged in (it names its own user). */}
      <Route
        path="/invitations/:token"
        element={
          <Suspense fallback={<LoadingState />}>
            <InvitationPage />
          </Suspense>
        }
      />
      {/* Print: a document alone on the page, without the portal's top bar. */}
      {(
        [
          ['/quotes/:quoteNumber/print', 'quotes.read', <QuotePrintPage key="quote" />],
          ['/invoices/:invoiceNumber/print', 'invoices.read', <InvoicePrintPage key="invoice" />],
        ] as const
      ).map(([path, permission, page]) => (
        <Route
          key={path}
          path={path}
          element={
            current ? (
              <SessionProvider session={current}>
                <RequirePermission permission={permission}>
                  <Suspense fallback={<LoadingState />}>{page}</Suspense>
                </RequirePermission>
              </SessionProvider>
            ) : (
              <RedirectToLogin />
            )
          }
        />
      ))}
      <Route
        element={
          current ? (
            <SessionProvider session={current}>
              <Layout />
            </SessionProvider>
          ) : (
            <RedirectToLogin />
          )
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="catalog"
          element={
            <RequirePermission permission="catalog.read">
              <CatalogPage />
            </RequirePermission>
          }
        />
        <Route
          path="renewals"
          element={
            <RequirePermission permission="licenses.read">
              <RenewalsPage />
            </RequirePermission>
          }
        />
        <Route
          path="quotes"
          element={
            <RequirePermission permission="quotes.read">
              <QuotesPage />
            </RequirePermission>
          }
        />
        <Route
          path="quotes/new"
          element={
            <RequirePermission permission="quotes.create">
              <NewQuotePage />
            </RequirePermission>
          }
        />
        <Route
          path="quotes/:quoteNumber"
          element={
            <RequirePermission permission="quotes.read">
              <QuotePage />
            </RequirePermission>
          }
        />
        <Route
          path="quotes/:quoteNumber/checkout"
          element={
            <RequirePermission permission="orders.create">
              <CheckoutPage />
            </RequirePermission>
          }
        />
        <Route
          path="orders"
          element={
            <RequirePermission permission="orders.read">
              <OrdersPage />
            </RequirePermission>
          }
        />
        <Route
          path="orders/:orderNumber"
          element={
            <RequirePermission permission="orders.read">
              <OrderPage />
            </RequirePermission>
          }
        />
        <Route
          path="customers"
          element={
            <RequirePermission permission="customers.open">
              <CustomersPage />
            </RequirePermission>
          }
        />
        <Route
          path="customers/:customerId/licensing-report"
          element={
            <RequirePermission permission="customers.open">
              <LicensingReportPage />
            </RequirePermission>
          }
        />
        <Route
          path="invoices"
          element={
            <RequirePermission permission="invoices.read">
              <InvoicesPage />
            </RequirePermission>
          }
        />
        <Route
          path="invoices/:invoiceNumber"
          element={
            <RequirePermission permission="invoices.read">
              <InvoicePage />
            </RequirePermission>
          }
        />
        <Route path="company" element={<CompanyProfilePage />} />
        <Route
          path="company/users"
          element={
            <RequirePermission permission="partner.manage">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="company/audit"
          element={
            <RequirePermission permission="partner.manage">
              <AuditLogPage />
            </RequirePermission>
          }
        />
        <Route path="payment-methods" element={<PaymentMethodsPage />} />
        <Route path="dev/mailbox" element={<MailboxPage />} />
        <Route path="dev/mailbox/:id" element={<MailboxMessagePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
