import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cart } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';

/** The cart's subscriptions on the Details tab: product, quantity, period and perpetual fallback. */
export function DetailsLinesTable({ lines }: { lines: Cart['lines'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('details.linesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('lines.product')}</Table.Th>
            <Table.Th scope="col">{t('lines.quantity')}</Table.Th>
            <Table.Th scope="col">{t('lines.period')}</Table.Th>
            <Table.Th scope="col">{t('details.fallback')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>
                {line.productName}
                {line.serviceDomain ? (
                  <Text size="xs" c="dimmed">
                    {t('lines.serviceDomain', { domain: line.serviceDomain })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{format.integer(line.quantity)}</Table.Td>
              <Table.Td>{format.period(line.periodStart, line.periodEnd)}</Table.Td>
              <Table.Td>
                {line.perpetualFallback ? t('details.fallbackYes') : t('details.fallbackNo')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
