import { Alert, Box, Button, Center, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CustomerId, Email } from '../../../../contract/index.ts';
import { FormErrorAlert, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { PublicLayout } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useRequestAdminLink } from './api.ts';
import { DemoSignInMailbox } from './DemoSignInMailbox.tsx';

const Request = z.strictObject({ customerId: CustomerId, email: Email });
type Values = { customerId: string; email: string };

/**
 * For a customer's account admin (issue 10): ask for a one-time sign-in link by email, to choose
 * which partners may buy for the account. The answer is the same whoever asks. In demo mode the
 * page can show the email itself, as the admin has no real inbox there.
 */
export function AccountAdminStartPage() {
  const { t } = useTranslation();
  const request = useRequestAdminLink();
  const [sent, setSent] = useState<{ customerId: string; email: string; demoMailbox: boolean } | null>(null);
  const [mailboxOpen, setMailboxOpen] = useState(false);
  const form = useContractForm({
    schema: Request,
    initialValues: { customerId: '', email: '' } as Values,
    toInput: (values: Values) => values,
  });
  const submit = form.onSubmit((body) =>
    request.mutate(body, {
      onSuccess: (answer) => setSent({ ...body, demoMailbox: answer.demoMailbox }),
      onError: (error) => placeApiError(form, error),
    }),
  );
  return (
    <PublicLayout>
      <Center mih="calc(100dvh - 120px)">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={460} maw="100%">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <PageTitle size="h3">{t('accountAdmin.startTitle')}</PageTitle>
              <Text size="sm">{t('accountAdmin.startIntro')}</Text>
              {sent ? (
                <Alert color="teal" variant="light" role="status">
                  {t('accountAdmin.linkSent', { email: sent.email })}
                </Alert>
              ) : null}
              <FormErrorAlert form={form} />
              <TextInput
                label={t('accountAdmin.customerId')}
                inputMode="numeric"
                {...form.getInputProps('customerId')}
              />
              <TextInput
                label={t('accountAdmin.email')}
                type="email"
                autoComplete="email"
                {...form.getInputProps('email')}
              />
              <Button type="submit" loading={request.isPending} fullWidth>
                {t('accountAdmin.sendLink')}
              </Button>
              {sent?.demoMailbox && !mailboxOpen ? (
                <Button variant="light" onClick={() => setMailboxOpen(true)} fullWidth>
                  {t('accountAdmin.openDemoMailbox')}
                </Button>
              ) : null}
            </Stack>
          </form>
          {sent?.demoMailbox && mailboxOpen ? (
            <Box mt="lg">
              <DemoSignInMailbox customerId={sent.customerId} email={sent.email} />
            </Box>
          ) : null}
        </Paper>
      </Center>
    </PublicLayout>
  );
}
