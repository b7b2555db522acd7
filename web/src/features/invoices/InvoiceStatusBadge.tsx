import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../../../contract/index.ts';

// Text colours darker than Mantine's light badges: axe measured those below 4.5:1.
const colors: Record<InvoiceStatus, { color: string; text: string }> = {
  paid: { color: 'teal', text: '#0b5e46' },
  applied: { color: 'violet', text: '#4b2a8a' },
  not_paid: { color: 'orange', text: '#8a3204' },
};

/** Paid, Applied or Not Paid (SPEC §11), the same everywhere an invoice shows. */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status].color} style={{ color: colors[status].text }}>
      {t(`invoice.status.${status}`)}
    </Badge>
  );
}

/** Overdue: unpaid past the due date, as the server says (`overdue`); nothing for any other invoice. */
export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? (
    <Badge color="red.9" variant="filled">
      {t('invoicesList.overdue')}
    </Badge>
  ) : null;
}
