import { Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { AssignmentsModal } from './AssignmentsButton.tsx';
import { RenewSelected } from './RenewSelected.tsx';
import { SubscriptionGroupRow } from './SubscriptionGroupRow.tsx';
import { keyOf } from './subscriptionGroup.ts';

/**
 * The subscription groups found: a row each, Renew selected when several can be renewed, and the
 * seat assignment of the group being assigned.
 */
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
              <SubscriptionGroupRow
                key={keyOf(group)}
                group={group}
                customerId={customerId}
                canAssign={canAssign}
                selectable={renewable.length > 1}
                selected={selected.has(keyOf(group))}
                onSelect={(on) => toggle(keyOf(group), on)}
                onAssign={() => setAssigning(group)}
              />
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
