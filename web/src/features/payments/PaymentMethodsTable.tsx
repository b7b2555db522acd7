import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../../contract/index.ts';
import { useShowFailure } from '../../ui/useShowFailure.ts';
import { useChangePaymentMethods } from './api.ts';
import { methodName, shortName } from './paymentMethodNames.ts';

/** The stored methods, the default marked, with Make default and Remove for those who manage. */
export function PaymentMethodsTable({
  items,
  manage,
  onRemove,
}: {
  items: PaymentMethod[];
  manage: boolean;
  onRemove: (method: PaymentMethod) => void;
}) {
  const { t } = useTranslation();
  const failed = useShowFailure();
  const change = useChangePaymentMethods();
  return (
    <Table withTableBorder striped maw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('paymentMethods.method')}</Table.Th>
          <Table.Th scope="col">{t('paymentMethods.expires')}</Table.Th>
          <Table.Th scope="col">{t('paymentMethods.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Group gap="xs">
                <Text fw={600}>{methodName(t, m)}</Text>
                {m.isDefault ? (
                  <Badge variant="light" style={{ color: '#0b5e46' }} color="teal">
                    {t('paymentMethods.default')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>{m.kind === 'card' ? `${m.expMonth}/${m.expYear}` : t('common.none')}</Table.Td>
            <Table.Td>
              {manage ? (
                <Group gap="xs">
                  {m.isDefault ? null : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => change.setDefault.mutate(m.id, { onError: failed })}
                      aria-label={t('paymentMethods.makeDefaultOf', { name: shortName(t, m) })}
                    >
                      {t('paymentMethods.makeDefault')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    onClick={() => onRemove(m)}
                    aria-label={t('paymentMethods.removeOf', { name: shortName(t, m) })}
                  >
                    {t('paymentMethods.remove')}
                  </Button>
                </Group>
              ) : (
                t('common.none')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
