import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountAdminView } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';

/** The account's history of grants and withdrawals: when, which partner, by whom. */
export function PurchaserHistory({ history }: { history: AccountAdminView['history'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading">
        {t('accountAdmin.history')}
      </Title>
      <Table mt="xs">
        <Table.Tbody>
          {history.map((h) => (
            <Table.Tr key={`${h.occurredAt}-${h.partnerName}-${h.event}`}>
              <Table.Td>{format.timestamp(h.occurredAt)}</Table.Td>
              <Table.Td>
                {t(`accountAdmin.events.${h.event}`, {
                  name: h.partnerName,
                  by: h.byEmail ?? t('common.none'),
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
