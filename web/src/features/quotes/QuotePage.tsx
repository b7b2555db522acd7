import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { cityLine, identifierPatterns, type Quote } from '../../../../contract/index.ts';
import { countryLabel } from '../../i18n/countries.ts';
import { useFormat } from '../../i18n/format.ts';
import { useBackTo } from '../../ui/backLink.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { NotFoundPage } from '../../ui/NotFoundPage.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { RelatedDocuments } from '../../ui/RelatedDocuments.tsx';
import { useQuote } from './api.ts';
import { CancelQuote } from './CancelQuote.tsx';
import { QuoteCopies } from './QuoteCopies.tsx';
import { Block, ClosedNote, Detail } from './QuoteParts.tsx';
import { ResalePrices } from './ResalePrices.tsx';
import { QuoteStatusBadge } from './StatusBadge.tsx';

/** One quote: header facts, customer, end user, billing address, lines and totals. */
export function QuotePage() {
  const { t } = useTranslation();
  const quoteNumber = (useParams().quoteNumber ?? '').toUpperCase();
  const wellFormed = identifierPatterns.quoteNumber.test(quoteNumber);
  const quote = useQuote(quoteNumber, wellFormed);

  if (!wellFormed || quote.error?.status === 404) {
    return (
      <NotFoundPage
        title={t('quoteView.notFoundTitle')}
        back={{ to: '/quotes', label: t('quoteView.backToQuotes') }}
      >
        {t('quoteView.notFound', { number: quoteNumber })}
      </NotFoundPage>
    );
  }
  return (
    <QueryState query={quote} loadingLabel={t('quoteView.loading')}>
      {(q) => <QuoteView quote={q} />}
    </QueryState>
  );
}

function QuoteView({ quote: q }: { quote: Quote }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const address = q.billingAddress;
  const back = useBackTo('/quotes');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to={back} size="sm">
            {t('quoteView.backToQuotes')}
          </Anchor>
          <Group gap="sm" mt={4}>
            <PageTitle>{t('quoteView.title', { number: q.quoteNumber })}</PageTitle>
            <QuoteStatusBadge status={q.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t(`quoteOrigin.${q.origin}`)}
            {q.convertedFrom ? ` · ${t('quoteView.convertedFrom', { number: q.convertedFrom })}` : null}
          </Text>
        </div>
        <Group gap="xs">
          <QuoteCopies quote={q} />
          <ResalePrices quote={q} />
          <CancelQuote quote={q} />
        </Group>
      </Group>
      <ClosedNote quote={q} />

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" component="dl" m={0}>
        <Detail label={t('quoteView.created')}>{format.timestampDate(q.createdAt)}</Detail>
        <Detail label={t('quoteView.validUntil')}>{format.date(q.validUntil)}</Detail>
        <Detail label={t('quoteView.poNumber')}>{q.poNumber ?? t('common.none')}</Detail>
        {q.details ? (
          <>
            <Detail label={t('quoteView.team')}>{q.details.team?.name ?? t('details.teamNone')}</Detail>
            <Detail label={t('quoteView.pack')}>{q.details.pack?.packNumber ?? t('details.packNew')}</Detail>
          </>
        ) : null}
        <Detail label={t('quoteView.total')}>
          <Text component="span" fw={700}>
            {format.money(q.totals.totalMinor, q.currency)}
          </Text>
        </Detail>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Block title={t('quoteView.customer')}>
          <Text>{q.customer.name}</Text>
          <Text size="sm">{t('topBar.customerId', { customerId: q.customer.customerId })}</Text>
        </Block>
        <Block title={t('quoteView.endUser')}>
          <Text>{q.endUser.name}</Text>
          <Text size="sm">{q.endUser.email}</Text>
          {q.endUser.company ? <Text size="sm">{q.endUser.company}</Text> : null}
        </Block>
        <Block title={t('quoteView.billingAddress')}>
          <Text>{address.companyName}</Text>
          <Text size="sm">{address.addressLine1}</Text>
          {address.addressLine2 ? <Text size="sm">{address.addressLine2}</Text> : null}
          <Text size="sm">{cityLine(address)}</Text>
          <Text size="sm">{countryLabel(address.country, i18n.language)}</Text>
          {address.vatId ? <Text size="sm">{t('quoteView.vatId', { vatId: address.vatId })}</Text> : null}
        </Block>
      </SimpleGrid>

      <Stack gap="xs" component="section" aria-labelledby="quote-lines-heading">
        <Title order={2} size="h4" id="quote-lines-heading">
          {t('quoteView.lines')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cart.discountNote', { percent: q.discountPercent })}
        </Text>
        <LinesTable lines={q.lines} totals={q.totals} currency={q.currency} />
      </Stack>
      <RelatedDocuments documents={q.related} />
    </Stack>
  );
}
