import { Anchor, Center, Paper, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PublicLayout } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ErrorState, LoadingState } from '../../ui/states.tsx';
import { useAdminSignIn } from './api.ts';

/** The one-time link from the email: signs the account admin in (once) and goes on to the account. */
export function AccountAdminSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useParams().token ?? '';
  const signIn = useAdminSignIn();
  const tried = useRef(false);
  useEffect(() => {
    // Once, even if React runs the effect twice: the link works once.
    if (tried.current) return;
    tried.current = true;
    signIn.mutate(token, { onSuccess: () => void navigate('/account-admin/manage', { replace: true }) });
  });
  return (
    <PublicLayout>
      <Center mih="calc(100dvh - 120px)">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={460} maw="100%">
          <Stack gap="md">
            <PageTitle size="h3">{t('accountAdmin.signingIn')}</PageTitle>
            {signIn.isError ? (
              <>
                <ErrorState error={signIn.error} />
                <Anchor component={Link} to="/account-admin">
                  {t('accountAdmin.askAgain')}
                </Anchor>
              </>
            ) : (
              <LoadingState label={t('accountAdmin.signingIn')} />
            )}
          </Stack>
        </Paper>
      </Center>
    </PublicLayout>
  );
}
