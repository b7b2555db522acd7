import { Center } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './features/auth/api.ts';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { SessionProvider } from './features/auth/session.tsx';
import { CatalogPage } from './features/catalog/CatalogPage.tsx';
import { HomePage } from './features/customers/HomePage.tsx';
import { NewQuotePage } from './features/quotes/NewQuotePage.tsx';
import { QuotePage } from './features/quotes/QuotePage.tsx';
import { QuotesPage } from './features/quotes/QuotesPage.tsx';
import { Layout, PublicLayout } from './ui/Layout.tsx';
import { NotFoundPage } from './ui/NotFoundPage.tsx';
import { ErrorState, LoadingState } from './ui/states.tsx';

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
      <Route path="/login" element={current ? <Navigate to="/" replace /> : <LoginPage />} />
      <Route
        element={
          current ? (
            <SessionProvider session={current}>
              <Layout />
            </SessionProvider>
          ) : (
            <Navigate to="/login" replace />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
