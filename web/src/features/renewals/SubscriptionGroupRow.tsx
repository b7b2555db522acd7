import { Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { AssignmentsButton } from './AssignmentsButton.tsx';
import { DowngradeButton } from './DowngradeButton.tsx';
import { RenewButton } from './RenewButton.tsx';
import { standingColor, standingText } from './subscriptionGroup.ts';
import { UpgradeButton } from './UpgradeButton.tsx';

/**
 * One subscription group in the results: product and licenses, pack and order, seats, period,
 * standing, users, and what can be done with it (with a checkbox when several can be renewed).
 */
export function SubscriptionGroupRow({
  group,
  customerId,
  canAssign,
  selectable,
  selected,
  onSelect,
  onAssign,
}: {
  group: SubscriptionGroup;
  customerId: string;
  canAssign: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onAssign: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tr>
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
            <AssignmentsButton group={group} onOpen={onAssign} />
          </div>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {group.actions.renew && selectable ? (
            <Checkbox
              size="xs"
              checked={selected}
              onChange={(event) => onSelect(event.currentTarget.checked)}
              aria-label={t('renewals.select', {
                product: group.productName,
                pack: group.packNumber,
              })}
            />
          ) : null}
          {group.actions.renew ? <RenewButton group={group} customerId={customerId} /> : null}
          {group.actions.upgrade ? <UpgradeButton group={group} customerId={customerId} /> : null}
          {group.actions.downgrade ? <DowngradeButton group={group} customerId={customerId} /> : null}
          {!group.actions.renew && !group.actions.upgrade && !group.actions.downgrade ? (
            <Text size="xs">{t('common.none')}</Text>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
