import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Email, type SubscriptionGroup } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { issueText } from '../../i18n/messages.tsx';
import { useChangeAssignment } from './api.ts';

type Seat = SubscriptionGroup['seatAssignments'][number];

export function SeatAssignment({
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
