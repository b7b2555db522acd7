import { Center } from '@mantine/core';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { useSession } from './features/auth/api.ts';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { loginPathFor, safeNextPath } from './features/auth/next.ts';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { SessionProvider } from './features/auth/session.tsx';
import type { BackOfficePage } from './features/back-office/BackOffice.tsx';
import {
  AccountAdminPage,
  AccountAdminSignInPage,
  AccountAdminStartPage,
  BackOffice,
  HomePage,
  InvitationPage,
  InvoicePrintPage,
  QuotePrintPage,
} from './pages.ts';
import { portalPages } from './portalPages.tsx';
import { Layout, PublicLayout } from './ui/Layout.tsx';
import { NotFoundPage } from './ui/NotFoundPage.tsx';
import { ErrorState, LoadingState } from './ui/states.tsx';

/** The back office's addresses (its code loads only when one is visited). */
const backOfficeRoutes: [string, BackOfficePage][] = [
  ['/admin/login', 'login'],
  ['/admin/invoices', 'invoices'],
  ['/admin/partners', 'partners'],
  ['/admin/catalog', 'catalog'],
  ['/admin/direct-quote', 'direct-quote'],
  ['/admin/mailbox', 'mailbox'],
  ['/admin/mailbox/:id', 'mailbox-message'],
];

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
      {backOfficeRoutes.map(([path, page]) => (
        <Route
          key={page}
          path={path}
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
        {portalPages.map(([path, permission, page]) => (
          <Route
            key={path}
            path={path}
            element={
              permission ? <RequirePermission permission={permission}>{page}</RequirePermission> : page
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
