import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { InviteUserRequest, Role } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { FormErrorAlert, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { useChangePartnerUsers } from './api.ts';

type InviteValues = { email: string; name: string; role: Role };

/** Invite a user by email: a one-time link sets the password; until then the invitation is pending. */
export function InviteUserForm() {
  const { t } = useTranslation();
  const change = useChangePartnerUsers();
  const attempt = useAttemptKey();
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
  );
}
