import { Button, Center, Paper, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../../../contract/index.ts';
import { isApiError } from '../../api/client.ts';
import { FormErrorAlert, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { errorText } from '../../i18n/messages.tsx';
import { PublicLayout } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useLogin } from './api.ts';
import { safeNextPath } from './next.ts';

type Values = { email: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const login = useLogin();
  const form = useContractForm({
    schema: LoginRequest,
    initialValues: { email: '', password: '' } satisfies Values,
    toInput: (values: Values) => values,
  });

  const submit = form.onSubmit((body) =>
    login.mutate(body, {
      // Back to the page that was asked for before logging in (or where the session ended).
      onSuccess: () => void navigate(safeNextPath(searchParams.get('next')) ?? '/', { replace: true }),
      onError: (error) => {
        // Wrong credentials (the server names the password) and rate limiting are told under it.
        if (isApiError(error, 'rate_limited')) form.setFieldError('password', errorText(error));
        else placeApiError(form, error);
      },
    }),
  );

  return (
    <PublicLayout>
      <Center mih="calc(100dvh - 120px)">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {/* The email field takes the focus here, not the title. */}
              <PageTitle size="h3" takeFocus={false}>
                {t('auth.title')}
              </PageTitle>
              <FormErrorAlert form={form} />
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                {...form.getInputProps('email')}
                autoFocus
              />
              <TextInput
                label={t('auth.password')}
                type="password"
                autoComplete="current-password"
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </PublicLayout>
  );
}
