import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PendingInvitation } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { useChangePartnerUsers } from './api.ts';

/**
 * The partner's invitations waiting for a password (issue 16), beside its users: an admin sends one
 * again (a new link; the one sent before stops working) or cancels it.
 */
export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const change = useChangePartnerUsers();
  if (invitations.length === 0) return null;
  const failed = (error: unknown) => {
    if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
  };
  const busy = (mutation: typeof change.resend | typeof change.cancel, id: string) =>
    mutation.isPending && mutation.variables === id;

  return (
    <Stack gap="xs" component="section" aria-labelledby="pending-heading">
      <Title order={2} size="h4" id="pending-heading">
        {t('users.pendingTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('users.pendingIntro')}
      </Text>
      <Table striped withTableBorder maw={1000} aria-labelledby="pending-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.email')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.invited')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.expires')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td fw={600}>{invitation.name}</Table.Td>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
              <Table.Td>{format.timestampDate(invitation.invitedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {format.timestampDate(invitation.expiresAt)}
                  {invitation.expired ? (
                    <Badge variant="light" color="gray" style={{ color: '#343a40' }}>
                      {t('users.status.expired')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={t('users.resendOf', { email: invitation.email })}
                    loading={busy(change.resend, invitation.id)}
                    onClick={() =>
                      change.resend.mutate(invitation.id, {
                        onSuccess: () =>
                          notifications.show({
                            color: 'teal',
                            message: t('users.resent', { email: invitation.email }),
                          }),
                        onError: failed,
                      })
                    }
                  >
                    {t('users.resend')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    aria-label={t('users.cancelOf', { email: invitation.email })}
                    loading={busy(change.cancel, invitation.id)}
                    onClick={() =>
                      change.cancel.mutate(invitation.id, {
                        onSuccess: () =>
                          notifications.show({
                            color: 'teal',
                            message: t('users.cancelled', { email: invitation.email }),
                          }),
                        onError: failed,
                      })
                    }
                  >
                    {t('users.cancelInvitation')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
