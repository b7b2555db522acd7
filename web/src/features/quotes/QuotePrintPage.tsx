import { Anchor, Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { cityLine, type Quote } from '../../../../contract/index.ts';
import { countryLabel } from '../../i18n/countries.ts';
import { useFormat } from '../../i18n/format.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useQuote } from './api.ts';
import { QuoteStatusBadge } from './StatusBadge.tsx';

/**
 * Print (SPEC §7): the quote on a page of its own, without the portal around it, and the browser's
 * print dialog opened once it is shown. The same figures as the quote page and the PDF.
 */
export function QuotePrintPage() {
  const { t } = useTranslation();
  const quoteNumber = useParams().quoteNumber ?? '';
  const quote = useQuote(quoteNumber);
  return (
    <Box p="lg" maw={1000} mx="auto" component="main">
      <QueryState query={quote} loadingLabel={t('quoteView.loading')}>
        {(q) => <Printable quote={q} />}
      </QueryState>
    </Box>
  );
}

function Printable({ quote: q }: { quote: Quote }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  useEffect(() => {
    // After the page has painted: the dialog then prints what the user sees.
    const timer = window.setTimeout(() => window.print(), 300);
    return () => window.clearTimeout(timer);
  }, []);
  const a = q.billingAddress;
  return (
    <Stack gap="md">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to={`/quotes/${encodeURIComponent(q.quoteNumber)}`}>
          {t('quoteView.backToQuote')}
        </Anchor>
        <Anchor component="button" type="button" onClick={() => window.print()}>
          {t('quoteView.print')}
        </Anchor>
      </Group>
      <Group gap="sm">
        <Title order={1} size="h2">
          {t('quoteView.title', { number: q.quoteNumber })}
        </Title>
        <QuoteStatusBadge status={q.status} />
      </Group>
      <Text size="sm">
        {t('quoteView.created')}: {format.timestampDate(q.createdAt)} · {t('quoteView.validUntil')}:{' '}
        {format.date(q.validUntil)} · {t('quoteView.poNumber')}: {q.poNumber ?? t('common.none')}
      </Text>
      <SimpleGrid cols={3} spacing="md">
        <div>
          <Text fw={700}>{t('quoteView.customer')}</Text>
          <Text size="sm">{q.customer.name}</Text>
          <Text size="sm">{t('topBar.customerId', { customerId: q.customer.customerId })}</Text>
        </div>
        <div>
          <Text fw={700}>{t('quoteView.endUser')}</Text>
          <Text size="sm">{q.endUser.name}</Text>
          <Text size="sm">{q.endUser.email}</Text>
          {q.endUser.company ? <Text size="sm">{q.endUser.company}</Text> : null}
        </div>
        <div>
          <Text fw={700}>{t('quoteView.billingAddress')}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {[
              a.companyName,
              a.addressLine1,
              a.addressLine2,
              cityLine(a),
              countryLabel(a.country, i18n.language),
              a.vatId ? t('quoteView.vatId', { vatId: a.vatId }) : undefined,
            ]
              .filter(Boolean)
              .join('\n')}
          </Text>
        </div>
      </SimpleGrid>
      <Text size="sm">{t('cart.discountNote', { percent: q.discountPercent })}</Text>
      <LinesTable lines={q.lines} totals={q.totals} currency={q.currency} />
    </Stack>
  );
}
