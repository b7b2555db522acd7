import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Email, type SubscriptionGroup } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { issueText } from '../../i18n/messages.tsx';
import { useChangeAssignment } from './api.ts';

type Seat = SubscriptionGroup['seatAssignments'][number];

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

function SeatAssignment({
  seat,
  customerId,
  onChanged,
}: {
  seat: Seat;
  customerId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const change = useChangeAssignment(customerId);
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<ReactNode>(null);
  const [current, setCurrent] = useState(seat.assignedEmail);
  // A refreshed search (or another tab) may know better than this dialog's last answer.
  useEffect(() => setCurrent(seat.assignedEmail), [seat.assignedEmail]);

  const submit = (next: string | null) => {
    if (next !== null) {
      const parsed = Email.safeParse(next);
      const issue = parsed.error?.issues[0];
      if (issue) {
        setProblem(issueText(issue));
        return;
      }
    }
    change.mutate(
      { licenseId: seat.licenseId, email: next },
      {
        onSuccess: (result) => {
          setCurrent(result.assignedEmail);
          setEmail('');
          notifications.show({
            color: 'teal',
            message:
              result.assignedEmail === null
                ? t('assignments.revoked', { licenseId: seat.licenseId })
                : t('assignments.assigned', { licenseId: seat.licenseId, email: result.assignedEmail }),
          });
          onChanged();
        },
        onError: (error) => {
          if (isHandledGlobally(error)) return;
          if (next === null) notifications.show({ color: 'red', message: errorMessage(error) });
          else setProblem(errorMessage(error));
        },
      },
    );
  };

  if (current !== null) {
    return (
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm">{current}</Text>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          loading={change.isPending}
          onClick={() => submit(null)}
          aria-label={t('assignments.revokeOf', { licenseId: seat.licenseId, email: current })}
        >
          {t('assignments.revoke')}
        </Button>
      </Group>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(email);
      }}
      noValidate
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          size="xs"
          type="email"
          label={t('assignments.emailFor', { licenseId: seat.licenseId })}
          placeholder={t('assignments.emailPlaceholder')}
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setProblem(null);
          }}
          error={problem}
          style={{ flex: 1 }}
        />
        <Button
          type="submit"
          size="xs"
          mt={22}
          loading={change.isPending}
          aria-label={t('assignments.assignOf', { licenseId: seat.licenseId })}
        >
          {t('assignments.assign')}
        </Button>
      </Group>
    </form>
  );
}
