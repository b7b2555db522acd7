import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { SeatAssignment } from './SeatAssignment.tsx';

/** Assign users: opens the dialog for the group's seats. */
export function AssignmentsButton({ group, onOpen }: { group: SubscriptionGroup; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="subtle"
      onClick={onOpen}
      aria-label={t('assignments.open', { product: group.productName, pack: group.packNumber })}
    >
      {t('assignments.button')}
    </Button>
  );
}

/**
 * Each seat of the group, assigned to an invited user by email or revoked. Kept open by the page
 * even when the refreshed search no longer lists the group (a user revoked in a search by their
 * email), so the task is not cut off.
 */
export function AssignmentsModal({
  group,
  customerId,
  onChanged,
  onClose,
}: {
  group: SubscriptionGroup | null;
  customerId: string;
  /** Called after a change, so the results show it. */
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={group !== null}
      onClose={onClose}
      title={group ? t('assignments.title', { product: group.productName }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {group ? (
        <Stack gap="sm">
          <Text size="sm">{t('assignments.intro')}</Text>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assignments.licenseId')}</Table.Th>
                <Table.Th scope="col">{t('assignments.user')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.seatAssignments.map((seat) => (
                <Table.Tr key={seat.licenseId}>
                  <Table.Td>{seat.licenseId}</Table.Td>
                  <Table.Td>
                    <SeatAssignment seat={seat} customerId={customerId} onChanged={onChanged} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Modal>
  );
}
