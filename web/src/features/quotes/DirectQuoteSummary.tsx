import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectQuotePreview } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { termLabelKey } from '../catalog/term.ts';

/** What the vendor direct quote holds: its customer and validity, its lines, its list total. */
export function DirectQuoteSummary({ preview }: { preview: DirectQuotePreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('convertQuote.forCustomer', {
          name: preview.customer.name,
          customerId: preview.customer.customerId,
          date: format.date(preview.validUntil),
        })}
      </Text>
      <List size="sm" mt={4}>
        {preview.lines.map((line) => (
          <List.Item key={`${line.productCode}-${line.termYears}`}>
            {t('convertQuote.line', { quantity: line.quantity, product: line.productName })}
            {line.termYears === null ? null : `, ${t(termLabelKey(line.termYears))}`}
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed" mt={4}>
        {t('convertQuote.listTotal', {
          total: format.money(preview.listTotalMinor, preview.currency),
        })}
      </Text>
    </div>
  );
}
