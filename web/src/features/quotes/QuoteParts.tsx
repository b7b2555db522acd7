import { Alert, Paper, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';

/** Long free text (a PO number, an email) breaks onto the next line instead of overflowing its column. */
export const wrapAnywhere: CSSProperties = { overflowWrap: 'anywhere' };

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} style={wrapAnywhere}>
        {children}
      </Text>
    </div>
  );
}

export function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={title}
      style={{ ...wrapAnywhere, minWidth: 0 }}
    >
      <Text fw={600} mb="xs">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

/** Why a quote can no longer be ordered, when it is cancelled or expired. */
export function ClosedNote({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (quote.status === 'cancelled' && quote.cancelledAt) {
    return (
      <Alert color="gray" variant="light">
        {t('quoteView.cancelledNote', { date: format.timestampDate(quote.cancelledAt) })}
      </Alert>
    );
  }
  if (quote.status === 'expired') {
    return (
      <Alert color="gray" variant="light">
        {t('quoteView.expiredNote', { date: format.date(quote.validUntil) })}
      </Alert>
    );
  }
  return null;
}
