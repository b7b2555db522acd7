import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type InvoiceDetails, identifierPatterns } from '../../../../contract/index.ts';
import { useBackTo } from '../../ui/backLink.ts';
import { NotFoundPage } from '../../ui/NotFoundPage.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { RelatedDocuments } from '../../ui/RelatedDocuments.tsx';
import { creditNotePdfUrl, invoicePdfUrl, useInvoice } from './api.ts';
import { InvoiceDocument } from './InvoiceDocument.tsx';
import { PayInvoice } from './PayInvoice.tsx';

/** An invoice (SPEC §11), with **Print** and **PDF**. */
export function InvoicePage() {
  const { t } = useTranslation();
  const invoiceNumber = (useParams().invoiceNumber ?? '').toUpperCase();
  // Not this organisation's, or no invoice number at all: the same answer, as the API gives.
  const wellFormed = identifierPatterns.invoiceNumber.test(invoiceNumber);
  const invoice = useInvoice(invoiceNumber, wellFormed);
  const back = useBackTo('/invoices');
  if (!wellFormed || invoice.error?.status === 404) {
    return (
      <NotFoundPage
        title={t('invoiceView.notFoundTitle')}
        back={{ to: '/invoices', label: t('invoiceView.backToInvoices') }}
      >
        {t('invoiceView.notFound', { number: invoiceNumber })}
      </NotFoundPage>
    );
  }
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={back} size="sm">
        {t('invoiceView.backToInvoices')}
      </Anchor>
      <QueryState query={invoice} loadingLabel={t('invoiceView.loading')}>
        {(i) => <InvoiceView invoice={i} />}
      </QueryState>
    </Stack>
  );
}

function InvoiceView({ invoice: i }: { invoice: InvoiceDetails }) {
  const { t, i18n } = useTranslation();
  // Pay now opens by the button, or by itself when PayPal brings the buyer back to pay.
  const [search] = useSearchParams();
  const [paying, setPaying] = useState(search.has('paypal'));
  return (
    <Stack gap="lg">
      <InvoiceDocument
        invoice={i}
        actions={
          <Group gap="xs">
            {i.actions.pay && !paying ? (
              <Button onClick={() => setPaying(true)}>{t('invoiceView.payNow')}</Button>
            ) : null}
            <Button
              component="a"
              href={invoicePdfUrl(i.invoiceNumber, i18n.language)}
              download={`${i.invoiceNumber}.pdf`}
              variant="default"
            >
              {t('quoteView.pdf')}
            </Button>
            {i.creditNote ? (
              <Button
                component="a"
                href={creditNotePdfUrl(i.invoiceNumber, i18n.language)}
                download={`${i.creditNote.creditNoteNumber}.pdf`}
                variant="default"
              >
                {t('invoiceView.creditNotePdf')}
              </Button>
            ) : null}
            <Button
              component={Link}
              to={`/invoices/${encodeURIComponent(i.invoiceNumber)}/print`}
              variant="default"
            >
              {t('quoteView.print')}
            </Button>
          </Group>
        }
      />
      {i.actions.pay && paying ? <PayInvoice invoice={i} onDone={() => setPaying(false)} /> : null}
      <RelatedDocuments documents={i.related} />
    </Stack>
  );
}
