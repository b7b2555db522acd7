import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Line } from './linesTableLine.ts';

/** A line's product, with its service domain, what it upgrades from, its licenses and its notes. */
export function LineProductCell({ line }: { line: Line }) {
  const { t } = useTranslation();
  // Wide enough for a product name and its notes to wrap by phrases, never one word a line.
  return (
    <Table.Td style={{ minWidth: 190 }}>
      <Text size="sm" fw={500}>
        {line.productName}
      </Text>
      {line.serviceDomain ? (
        <Text size="xs" c="dimmed">
          {t('lines.serviceDomain', { domain: line.serviceDomain })}
        </Text>
      ) : null}
      {line.fromProduct ? (
        <Text size="xs">
          {t(`lines.from.${line.kind === 'upgrade' ? 'upgrade' : 'downgrade'}`, {
            product: line.fromProduct.productName,
          })}
        </Text>
      ) : null}
      {line.licenseIds?.length ? (
        <Text size="xs" c="dimmed">
          {t('lines.licenses', { ids: line.licenseIds.join(', ') })}
        </Text>
      ) : null}
      {line.issue ? (
        <Text size="xs" c="red.9" fw={600}>
          {t(`lines.issues.${line.issue}`)}
        </Text>
      ) : null}
      {/* Cloud lines (those with a service domain) never grant one: nothing to note there. */}
      {line.issue || line.perpetualFallback || line.serviceDomain ? null : (
        <Text size="xs" c="var(--portal-color-warning)">
          {t('lines.noFallback')}
        </Text>
      )}
    </Table.Td>
  );
}
