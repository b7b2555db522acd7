import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InviteUserRequest, type PartnerUser, Role } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { FormErrorAlert, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useChangePartnerUsers, usePartnerUsers } from './api.ts';
import { CompanyNav } from './CompanyNav.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';

type InviteValues = { email: string; name: string; role: Role };

const statusColor = { active: 'teal', deactivated: 'gray' } as const;
const statusText = { active: '#0b5e46', deactivated: '#343a40' } as const;

/**
 * Users (partner admins): invite a user by email (a one-time link sets the password; until then
 * the invitation is pending, to resend or cancel), change a role, deactivate (their sessions end at
 * once). An admin changes everyone but themselves.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const users = usePartnerUsers();
  const change = useChangePartnerUsers();
  const attempt = useAttemptKey();
  const [deactivating, setDeactivating] = useState<PartnerUser | null>(null);
  const failed = (error: unknown) => {
    if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
  };
  const form = useContractForm({
    schema: InviteUserRequest,
    initialValues: { email: '', name: '', role: 'sales' } as InviteValues,
    toInput: (values: InviteValues) => values,
    onValuesChange: () => attempt.changed(),
  });
  const invite = form.onSubmit((body) =>
    change.invite.mutate(
      { body, idempotencyKey: attempt.key() },
      {
        onSuccess: () => {
          attempt.succeeded();
          notifications.show({ color: 'teal', message: t('users.invited', { email: body.email }) });
          form.reset();
        },
        onError: (error) => placeApiError(form, error),
      },
    ),
  );
  const roles = Role.options.map((value) => ({ value, label: t(`roles.${value}`) }));

  return (
    <Stack gap="lg">
      <PageTitle>{t('users.title')}</PageTitle>
      <CompanyNav />
      <QueryState query={users} loadingLabel={t('users.loading')}>
        {(data) => (
          <Table striped withTableBorder maw={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.since')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((user) => {
                const editable = !user.isYou && user.status !== 'deactivated';
                return (
                  <Table.Tr key={user.id}>
                    <Table.Td fw={600}>
                      {user.name}
                      {user.isYou ? ` ${t('users.you')}` : ''}
                    </Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      {editable ? (
                        <NativeSelect
                          aria-label={t('users.roleOf', { name: user.name })}
                          data={roles}
                          value={user.role}
                          onChange={(event) =>
                            change.changeRole.mutate(
                              { id: user.id, role: event.currentTarget.value as Role },
                              { onError: failed },
                            )
                          }
                          w={160}
                        />
                      ) : (
                        t(`roles.${user.role}`)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={statusColor[user.status]}
                        style={{ color: statusText[user.status] }}
                      >
                        {t(`users.status.${user.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{format.timestampDate(user.createdAt)}</Table.Td>
                    <Table.Td>
                      {editable ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red.9"
                          c="red.9"
                          aria-label={t('users.deactivateOf', { name: user.name })}
                          onClick={() => setDeactivating(user)}
                        >
                          {t('users.deactivate')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {users.data ? <PendingInvitations invitations={users.data.invitations} /> : null}
      <Paper withBorder p="md" maw={560} component="section" aria-labelledby="invite-heading">
        <form onSubmit={invite} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4" id="invite-heading">
              {t('users.inviteTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('users.inviteIntro')}
            </Text>
            <FormErrorAlert form={form} />
            <TextInput label={t('users.columns.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('users.columns.name')} {...form.getInputProps('name')} />
            <NativeSelect label={t('users.columns.role')} data={roles} {...form.getInputProps('role')} />
            <Group>
              <Button type="submit" loading={change.invite.isPending}>
                {t('users.sendInvitation')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Modal
        opened={deactivating !== null}
        onClose={() => setDeactivating(null)}
        title={t('users.deactivateTitle', { name: deactivating?.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('users.deactivateText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeactivating(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={change.deactivate.isPending}
              onClick={() =>
                deactivating &&
                change.deactivate.mutate(deactivating.id, {
                  onSuccess: () => setDeactivating(null),
                  onError: failed,
                })
              }
            >
              {t('users.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
