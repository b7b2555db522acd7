import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Currency, Totals } from '../../../contract/index.ts';
import { useFormat } from '../i18n/format.ts';
import { amount } from './linesTableLine.ts';

/** The lines' footer: the credit for the time left, if any, then list price, discount and total. */
export function LinesTableTotals({
  totals,
  currency,
  withActions,
}: {
  totals: z.infer<typeof Totals>;
  currency: Currency;
  withActions: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tfoot>
      {totals.creditMinor !== 0 ? (
        <Table.Tr>
          <Table.Th scope="row" colSpan={6} fw={400}>
            {t('lines.creditTotal')}
          </Table.Th>
          <Table.Td style={amount} data-testid="totals-credit">
            {/* Positive: the label says it is a credit, already taken off the figures above. */}
            {format.money(-totals.creditMinor, currency)}
          </Table.Td>
          {withActions ? <Table.Td /> : null}
        </Table.Tr>
      ) : null}
      <Table.Tr>
        <Table.Th scope="row" colSpan={4}>
          {t('lines.totals')}
        </Table.Th>
        <Table.Td style={amount} fw={600} data-testid="totals-list-price">
          {format.money(totals.listPriceMinor, currency)}
        </Table.Td>
        <Table.Td style={amount} fw={600} data-testid="totals-discount">
          {format.money(totals.discountMinor, currency)}
        </Table.Td>
        <Table.Td style={amount} fw={700} data-testid="totals-total">
          {format.money(totals.totalMinor, currency)}
        </Table.Td>
        {withActions ? <Table.Td /> : null}
      </Table.Tr>
    </Table.Tfoot>
  );
}
