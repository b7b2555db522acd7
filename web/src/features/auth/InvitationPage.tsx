import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { NewPassword } from '../../../../contract/index.ts';
import { FormErrorAlert, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { PublicLayout } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAcceptInvitation, useInvitation } from '../partner/api.ts';

type Values = { password: string; confirm: string };
const Body = z.strictObject({ password: NewPassword });

/**
 * An invitation's one-time link (issues 10 and 16): the invitee chooses a password, which makes
 * their login, then logs in. An address that already has a login cannot accept: only the invitee,
 * who holds the link, is told so.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const invitation = useInvitation(token);
  return (
    <PublicLayout>
      <Center mih="calc(100dvh - 120px)">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={440} maw="100%">
          <QueryState query={invitation} loadingLabel={t('invitation.loading')}>
            {(data) =>
              data.emailHasLogin ? (
                <HasLogin partnerName={data.partnerName} email={data.email} />
              ) : (
                <SetPassword token={token} partnerName={data.partnerName} email={data.email} />
              )
            }
          </QueryState>
        </Paper>
      </Center>
    </PublicLayout>
  );
}

function HasLogin({ partnerName, email }: { partnerName: string; email: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle size="h3">{t('invitation.title', { partner: partnerName })}</PageTitle>
      <Alert color="yellow" variant="light">
        {t('invitation.emailHasLogin', { email })}
      </Alert>
      <Anchor component={Link} to="/login">
        {t('invitation.logIn')}
      </Anchor>
    </Stack>
  );
}

function SetPassword({ token, partnerName, email }: { token: string; partnerName: string; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const form = useContractForm({
    schema: Body,
    initialValues: { password: '', confirm: '' } as Values,
    toInput: (values: Values) => ({ password: values.password }),
    refine: (values) => ({ confirm: values.confirm !== values.password ? t('invitation.mismatch') : null }),
  });
  const submit = form.onSubmit((body) =>
    accept.mutate(body.password, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('invitation.done') });
        void navigate('/login', { replace: true });
      },
      onError: (error) => placeApiError(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PageTitle size="h3">{t('invitation.title', { partner: partnerName })}</PageTitle>
        <Text size="sm">{t('invitation.intro', { email })}</Text>
        <FormErrorAlert form={form} />
        {/* The account's name for password managers. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          label={t('invitation.password')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('invitation.confirm')}
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
