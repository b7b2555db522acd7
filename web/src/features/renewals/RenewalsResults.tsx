import { Badge, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { AssignmentsButton, AssignmentsModal } from './AssignmentsButton.tsx';
import { DowngradeButton } from './DowngradeButton.tsx';
import { RenewButton } from './RenewButton.tsx';
import { RenewSelected } from './RenewSelected.tsx';
import { UpgradeButton } from './UpgradeButton.tsx';

export function Results({
  items,
  customerId,
  canAssign,
  onAssigned,
}: {
  items: SubscriptionGroup[];
  customerId: string;
  canAssign: boolean;
  onAssigned: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The group whose seats are being assigned: its latest version while the results still list it.
  const [assigning, setAssigning] = useState<SubscriptionGroup | null>(null);
  const assigned = assigning ? (items.find((g) => keyOf(g) === keyOf(assigning)) ?? assigning) : null;
  const renewable = items.filter((g) => g.actions.renew);
  const chosen = renewable.filter((g) => selected.has(keyOf(g)));
  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <Stack gap="xs">
      {renewable.length > 1 ? (
        <RenewSelected selected={chosen} customerId={customerId} onDone={() => setSelected(new Set())} />
      ) : null}
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('renewals.caption', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lines.product')}</Table.Th>
              <Table.Th scope="col">{t('renewals.pack')}</Table.Th>
              <Table.Th scope="col">{t('renewals.seats')}</Table.Th>
              <Table.Th scope="col">{t('lines.period')}</Table.Th>
              <Table.Th scope="col">{t('renewals.status')}</Table.Th>
              <Table.Th scope="col">{t('renewals.users')}</Table.Th>
              <Table.Th scope="col">{t('renewals.possible')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((group) => (
              <Table.Tr key={keyOf(group)}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {group.productName}
                  </Text>
                  {group.serviceDomain ? (
                    <Text size="xs" c="dimmed">
                      {t('lines.serviceDomain', { domain: group.serviceDomain })}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {group.licenseIds.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {group.packNumber}
                  {group.orderNumber ? (
                    <Text size="xs" c="dimmed">
                      {t('renewals.order', {
                        order: group.orderNumber,
                        po: group.poNumber ?? t('common.none'),
                      })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{format.integer(group.seats)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {format.period(group.periodStart, group.periodEnd)}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={standingColor[group.standing]}
                    style={{ color: standingText[group.standing] }}
                  >
                    {t(`renewals.standing.${group.standing}`)}
                  </Badge>
                  <Text size="xs" mt={4}>
                    {group.standing === 'active'
                      ? t(group.actions.upgrade ? 'renewals.stillActiveUpgrade' : 'renewals.stillActive', {
                          date: format.date(group.renewalOpensOn),
                        })
                      : group.standing === 'expired'
                        ? t('renewals.expiredNote')
                        : t('renewals.windowCloses', { date: format.date(group.renewalClosesOn) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {group.assignedUsers.length > 0 ? group.assignedUsers.join(', ') : t('renewals.unassigned')}
                  {canAssign && group.standing !== 'expired' ? (
                    <div>
                      <AssignmentsButton group={group} onOpen={() => setAssigning(group)} />
                    </div>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {group.actions.renew && renewable.length > 1 ? (
                      <Checkbox
                        size="xs"
                        checked={selected.has(keyOf(group))}
                        onChange={(event) => toggle(keyOf(group), event.currentTarget.checked)}
                        aria-label={t('renewals.select', {
                          product: group.productName,
                          pack: group.packNumber,
                        })}
                      />
                    ) : null}
                    {group.actions.renew ? <RenewButton group={group} customerId={customerId} /> : null}
                    {group.actions.upgrade ? <UpgradeButton group={group} customerId={customerId} /> : null}
                    {group.actions.downgrade ? (
                      <DowngradeButton group={group} customerId={customerId} />
                    ) : null}
                    {!group.actions.renew && !group.actions.upgrade && !group.actions.downgrade ? (
                      <Text size="xs">{t('common.none')}</Text>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AssignmentsModal
        group={assigned}
        customerId={customerId}
        onChanged={onAssigned}
        onClose={() => setAssigning(null)}
      />
    </Stack>
  );
}

export const keyOf = (group: SubscriptionGroup) =>
  `${group.packNumber}-${group.productCode}-${group.periodEnd}-${group.serviceDomain ?? ''}`;

export const standingColor = {
  active: 'teal',
  renewable: 'blue',
  lapsed: 'orange',
  expired: 'gray',
} as const;
/** Darker text than Mantine's light badges give, for 4.5:1 on their tinted background. */
export const standingText = {
  active: '#0b5e46',
  renewable: '#1a4f8b',
  lapsed: '#8a3204',
  expired: '#495057',
} as const;
