import { Alert, Box, Button, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CustomerId, Email } from '../../../../contract/index.ts';
import { placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { SignInForm } from '../../forms/SignInForm.tsx';
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
    <SignInForm
      form={form}
      onSubmit={submit}
      title={t('accountAdmin.startTitle')}
      width={460}
      intro={
        <>
          <Text size="sm">{t('accountAdmin.startIntro')}</Text>
          {sent ? (
            <Alert color="teal" variant="light" role="status">
              {t('accountAdmin.linkSent', { email: sent.email })}
            </Alert>
          ) : null}
        </>
      }
      submitLabel={t('accountAdmin.sendLink')}
      pending={request.isPending}
      actions={
        sent?.demoMailbox && !mailboxOpen ? (
          <Button variant="light" onClick={() => setMailboxOpen(true)} fullWidth>
            {t('accountAdmin.openDemoMailbox')}
          </Button>
        ) : null
      }
      below={
        sent?.demoMailbox && mailboxOpen ? (
          <Box mt="lg">
            <DemoSignInMailbox customerId={sent.customerId} email={sent.email} />
          </Box>
        ) : null
      }
    >
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
    </SignInForm>
  );
}
