import { Button, Center, Paper, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorMessage } from '../../i18n/errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useStaffLogin } from './api.ts';

/** The vendor staff's own sign-in; on success, the back office's invoices. */
export function StaffLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const login = useStaffLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      { onSuccess: () => void navigate('/admin/invoices', { replace: true }) },
    );
  };
  return (
    <Center mih="100dvh">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <PageTitle size="h3" takeFocus={false}>
              {t('backOffice.loginTitle')}
            </PageTitle>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <TextInput
              label={t('auth.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={login.isError ? errorMessage(login.error) : undefined}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
