import { Anchor, Box, Group, Stack } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../ui/QueryState.tsx';
import { useInvoice } from './api.ts';
import { InvoiceDocument } from './InvoiceDocument.tsx';

/**
 * Print (SPEC §11): the invoice on a page of its own, without the portal around it, and the
 * browser's print dialog opened once it is shown.
 */
export function InvoicePrintPage() {
  const { t } = useTranslation();
  const invoiceNumber = useParams().invoiceNumber ?? '';
  const invoice = useInvoice(invoiceNumber);
  return (
    <Box p="lg" maw={1000} mx="auto" component="main">
      <QueryState query={invoice} loadingLabel={t('invoiceView.loading')}>
        {(i) => (
          <Printable invoiceNumber={i.invoiceNumber}>
            <InvoiceDocument invoice={i} />
          </Printable>
        )}
      </QueryState>
    </Box>
  );
}

function Printable({ invoiceNumber, children }: { invoiceNumber: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    // After the page has painted: the dialog then prints what the user sees.
    const timer = window.setTimeout(() => window.print(), 300);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Stack gap="md">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to={`/invoices/${encodeURIComponent(invoiceNumber)}`}>
          {t('invoiceView.backToInvoice')}
        </Anchor>
        <Anchor component="button" type="button" onClick={() => window.print()}>
          {t('quoteView.print')}
        </Anchor>
      </Group>
      {children}
    </Stack>
  );
}
