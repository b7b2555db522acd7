import { Navigate } from 'react-router';
import { LoadingState } from '../../ui/states.tsx';
import { useStaffSession } from './api.ts';
import { BackOfficeShell } from './BackOfficeShell.tsx';
import { CatalogAdmin } from './CatalogAdmin.tsx';
import { InvoicesAdminPage } from './InvoicesAdminPage.tsx';
import { PartnersAdminPage } from './PartnersAdminPage.tsx';
import { StaffLoginPage } from './StaffLoginPage.tsx';

/**
 * The vendor staff back office (SPEC §1): its own sign-in, every partner's invoices (record a
 * payment, issue a credit note) and the partners' discount levels and credit terms.
 */
export function BackOffice({ page }: { page: 'login' | 'invoices' | 'partners' | 'catalog' }) {
  const session = useStaffSession();
  if (session.isPending) return <LoadingState />;
  if (page === 'login') return session.data ? <Navigate to="/admin/invoices" replace /> : <StaffLoginPage />;
  if (!session.data) return <Navigate to="/admin/login" replace />;
  return (
    <BackOfficeShell email={session.data.staff.email}>
      {page === 'invoices' ? (
        <InvoicesAdminPage />
      ) : page === 'catalog' ? (
        <CatalogAdmin />
      ) : (
        <PartnersAdminPage />
      )}
    </BackOfficeShell>
  );
}
