import { Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Currency, daysBetween, type Totals } from '../../../contract/index.ts';
import { useFormat } from '../i18n/format.ts';
import { LineBreakdownRows } from './LineBreakdownRows.tsx';
import { LineProductCell } from './LineProductCell.tsx';
import { LinesTableTotals } from './LinesTableTotals.tsx';
import { amount, type Line } from './linesTableLine.ts';

/** Cart and quote lines: product, kind, quantity, period, list price, partner discount, total. */
export function LinesTable<L extends Line>({
  lines,
  totals,
  currency,
  caption,
  renderAction,
  actionsLabel,
  renderQuantity,
  renderPeriodControls,
  renderPeriodEnd,
}: {
  lines: L[];
  totals: z.infer<typeof Totals>;
  currency: Currency;
  caption?: string;
  renderAction?: (line: L) => ReactNode;
  actionsLabel?: string;
  /** The quantity cell's content (the cart edits it in place); the number by default. */
  renderQuantity?: (line: L) => ReactNode;
  /** Under the period: the cart's Set Custom / Set Default. */
  renderPeriodControls?: (line: L) => ReactNode;
  /** The period's end as something else than a date (a renewal's end opens the calendar); null: the date. */
  renderPeriodEnd?: (line: L) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const withActions = renderAction !== undefined;

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder verticalSpacing="xs">
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('lines.product')}</Table.Th>
            <Table.Th scope="col">{t('lines.kind')}</Table.Th>
            <Table.Th scope="col" style={amount}>
              {t('lines.quantity')}
            </Table.Th>
            <Table.Th scope="col">{t('lines.period')}</Table.Th>
            <Table.Th scope="col" style={amount}>
              {t('lines.listPrice')}
            </Table.Th>
            <Table.Th scope="col" style={amount}>
              {t('lines.discount')}
            </Table.Th>
            <Table.Th scope="col" style={amount}>
              {t('lines.total')}
            </Table.Th>
            {withActions ? (
              <Table.Th scope="col">
                <VisuallyHidden>{actionsLabel ?? t('lines.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => (
            <Fragment
              key={'id' in line && typeof line.id === 'string' ? line.id : `${line.productCode}-${index}`}
            >
              <Table.Tr>
                <LineProductCell line={line} />
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`lineKinds.${line.kind}`)}</Table.Td>
                <Table.Td style={amount}>
                  {renderQuantity ? renderQuantity(line) : format.integer(line.quantity)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {renderPeriodEnd?.(line) ? (
                    <>
                      {format.date(line.periodStart)} – {renderPeriodEnd(line)}
                    </>
                  ) : (
                    format.period(line.periodStart, line.periodEnd)
                  )}
                  {line.termYears === null && !line.issue ? (
                    // The dates stay on one line; the prorated formula wraps (long in Portuguese).
                    <Text size="xs" c="dimmed" maw={240} style={{ whiteSpace: 'normal' }}>
                      {t('lines.prorated', {
                        days: format.integer(daysBetween(line.periodStart, line.periodEnd)),
                        price: format.money(line.unitListPriceMinor, currency),
                      })}
                    </Text>
                  ) : null}
                  {renderPeriodControls?.(line)}
                </Table.Td>
                {/* An upgrade's own price here; its credit and line total follow as rows of their own. */}
                <Table.Td style={amount}>
                  {format.money(line.breakdown?.price.listMinor ?? line.listPriceMinor, currency)}
                </Table.Td>
                <Table.Td style={amount}>
                  {format.money(line.breakdown?.price.discountMinor ?? line.discountMinor, currency)}
                </Table.Td>
                <Table.Td style={amount} fw={line.breakdown ? 400 : 600}>
                  {format.money(line.breakdown?.price.totalMinor ?? line.totalMinor, currency)}
                </Table.Td>
                {withActions ? (
                  // The action ("Remover") is never squeezed into a cut-off button.
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {renderAction(line)}
                  </Table.Td>
                ) : null}
              </Table.Tr>
              {line.breakdown ? (
                <LineBreakdownRows breakdown={line.breakdown} currency={currency} withActions={withActions} />
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
        <LinesTableTotals totals={totals} currency={currency} withActions={withActions} />
      </Table>
    </Table.ScrollContainer>
  );
}
