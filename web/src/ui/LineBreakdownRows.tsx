import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Currency, LineAmounts, LineBreakdown } from '../../../contract/index.ts';
import { useFormat } from '../i18n/format.ts';
import { amount } from './linesTableLine.ts';

/**
 * Under an upgrade line (SPEC §11a): the credit for the unused time of the subscription it replaces,
 * as a positive amount taken off, then the line total — each a row with its own row header, the
 * figures the server worked out (the PDFs print the same ones).
 */
export function LineBreakdownRows({
  breakdown,
  currency,
  withActions,
}: {
  breakdown: z.infer<typeof LineBreakdown>;
  currency: Currency;
  withActions: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { credit, lineTotal } = breakdown;
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" colSpan={4} fw={400} c="teal.9" pl="xl">
          {t('lines.creditRow', {
            product: credit.productName,
            count: credit.seats,
            date: format.date(credit.until),
          })}
        </Table.Th>
        <Amounts amounts={credit} currency={currency} color="teal.9" />
        {withActions ? <Table.Td /> : null}
      </Table.Tr>
      <Table.Tr>
        <Table.Th scope="row" colSpan={4} pl="xl">
          {t('lines.lineTotal')}
        </Table.Th>
        <Amounts amounts={lineTotal} currency={currency} bold />
        {withActions ? <Table.Td /> : null}
      </Table.Tr>
    </>
  );
}

function Amounts({
  amounts,
  currency,
  color,
  bold = false,
}: {
  amounts: z.infer<typeof LineAmounts>;
  currency: Currency;
  color?: string;
  bold?: boolean;
}) {
  const format = useFormat();
  return (
    <>
      <Table.Td style={amount} c={color}>
        {format.money(amounts.listMinor, currency)}
      </Table.Td>
      <Table.Td style={amount} c={color}>
        {format.money(amounts.discountMinor, currency)}
      </Table.Td>
      <Table.Td style={amount} c={color} fw={bold ? 700 : 600}>
        {format.money(amounts.totalMinor, currency)}
      </Table.Td>
    </>
  );
}
