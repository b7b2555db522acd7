import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountAdminView } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';

export type Purchaser = AccountAdminView['purchasers'][number];

/** The partners that are the account's Purchaser, since when, each with Withdraw. */
export function PurchasersSection({
  purchasers,
  onWithdraw,
}: {
  purchasers: Purchaser[];
  onWithdraw: (purchaser: Purchaser) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="purchasers-heading">
      <Title order={2} size="h4" id="purchasers-heading">
        {t('accountAdmin.purchasers')}
      </Title>
      {purchasers.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('accountAdmin.noPurchasers')}
        </Text>
      ) : (
        <Table mt="xs">
          <Table.Tbody>
            {purchasers.map((p) => (
              <Table.Tr key={p.partnerId}>
                <Table.Td fw={600}>{p.name}</Table.Td>
                <Table.Td>{p.country}</Table.Td>
                <Table.Td>{t('accountAdmin.since', { date: format.timestampDate(p.grantedAt) })}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    aria-label={t('accountAdmin.withdrawOf', { name: p.name })}
                    onClick={() => onWithdraw(p)}
                  >
                    {t('accountAdmin.withdraw')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
