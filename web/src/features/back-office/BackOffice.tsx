import { Navigate } from 'react-router';
import { LoadingState } from '../../ui/states.tsx';
import { MailboxMessagePage, MailboxPage } from '../mailbox/MailboxPage.tsx';
import { useStaffSession } from './api.ts';
import { BackOfficeShell } from './BackOfficeShell.tsx';
import { CatalogAdmin } from './CatalogAdmin.tsx';
import { DirectQuotePage } from './direct-quote/DirectQuotePage.tsx';
import { InvoicesAdminPage } from './InvoicesAdminPage.tsx';
import { PartnersAdminPage } from './PartnersAdminPage.tsx';
import { StaffLoginPage } from './StaffLoginPage.tsx';

/** The back office's pages; the mailbox is there in demo mode only, as in the portal. */
export type BackOfficePage =
  | 'login'
  | 'invoices'
  | 'partners'
  | 'catalog'
  | 'direct-quote'
  | 'mailbox'
  | 'mailbox-message';

const pages: Record<Exclude<BackOfficePage, 'login'>, () => React.ReactNode> = {
  invoices: () => <InvoicesAdminPage />,
  partners: () => <PartnersAdminPage />,
  catalog: () => <CatalogAdmin />,
  'direct-quote': () => <DirectQuotePage />,
  mailbox: () => <MailboxPage base="/admin/mailbox" />,
  'mailbox-message': () => <MailboxMessagePage base="/admin/mailbox" />,
};

/**
 * The vendor staff back office (SPEC §1): its own sign-in, every partner's invoices (record a
 * payment, issue a credit note) and the partners' discount levels and credit terms.
 */
export function BackOffice({ page }: { page: BackOfficePage }) {
  const session = useStaffSession();
  if (session.isPending) return <LoadingState />;
  if (page === 'login') return session.data ? <Navigate to="/admin/invoices" replace /> : <StaffLoginPage />;
  if (!session.data) return <Navigate to="/admin/login" replace />;
  const mailboxPage = page === 'mailbox' || page === 'mailbox-message';
  if (mailboxPage && !session.data.features.devMailbox) return <Navigate to="/admin/invoices" replace />;
  return (
    <BackOfficeShell email={session.data.staff.email} devMailbox={session.data.features.devMailbox}>
      {pages[page]()}
    </BackOfficeShell>
  );
}
