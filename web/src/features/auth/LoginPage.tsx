import { Alert, Button, Center, Paper, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../../../contract/index.ts';
import { isApiError } from '../../api/client.ts';
import { placeApiError, translateError, zodFieldErrors } from '../../i18n/errors.ts';
import { PublicLayout } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useLogin } from './api.ts';
import { safeNextPath } from './next.ts';

type Field = 'email' | 'password';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = LoginRequest.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(t, parsed.error));
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data, {
      // Back to the page that was asked for before logging in (or where the session ended).
      onSuccess: () => void navigate(safeNextPath(searchParams.get('next')) ?? '/', { replace: true }),
      onError: (error) => {
        // Wrong credentials and rate limiting are told under the password field.
        if (isApiError(error, 'auth.invalid_credentials') || isApiError(error, 'rate_limited')) {
          setFieldErrors({ password: translateError(t, i18n.language, error) });
          return;
        }
        const placed = placeApiError(t, i18n.language, error, ['email', 'password']);
        setFieldErrors(placed.fieldErrors);
        setFormError(placed.formError);
      },
    });
  };

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
              {formError ? (
                <Alert color="red" variant="light">
                  {formError}
                </Alert>
              ) : null}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldErrors.email}
                autoFocus
              />
              <TextInput
                label={t('auth.password')}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password}
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
