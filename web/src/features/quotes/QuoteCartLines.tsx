import { Anchor, Stack, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cart } from '../../../../contract/index.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';

/** The cart the quote is made of, read-only; an empty cart sends the user to the catalog. */
export function QuoteCartLines({ cart }: { cart: UseQueryResult<Cart> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="quote-lines-heading">
      <Title order={2} size="h4" id="quote-lines-heading">
        {t('quoteForm.linesHeading')}
      </Title>
      <QueryState
        query={cart}
        loadingLabel={t('cart.loading')}
        isEmpty={(data) => data.lines.length === 0}
        empty={
          <EmptyState
            action={
              <Anchor component={Link} to="/catalog">
                {t('quoteForm.goToCatalog')}
              </Anchor>
            }
          >
            {t('quoteForm.emptyCart')}
          </EmptyState>
        }
      >
        {(data) => <LinesTable lines={data.lines} totals={data.totals} currency={data.currency} />}
      </QueryState>
    </Stack>
  );
}
