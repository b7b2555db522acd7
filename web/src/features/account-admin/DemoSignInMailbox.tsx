import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { accountAdminMailboxMinutes } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { EmailText } from '../mailbox/EmailText.tsx';
import { useDemoSignInMailbox } from './api.ts';

/**
 * Demo mode stands in for the admin's inbox: the sign-in emails just sent to the address typed,
 * and nothing else (the server shows no other kind of email here).
 */
export function DemoSignInMailbox({ customerId, email }: { customerId: string; email: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mailbox = useDemoSignInMailbox(customerId, email);
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h5" id={headingId}>
        {t('accountAdmin.demoMailboxTitle', { email })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('accountAdmin.demoMailboxNote', { minutes: accountAdminMailboxMinutes })}
      </Text>
      <QueryState
        query={mailbox}
        loadingLabel={t('accountAdmin.demoMailboxLoading')}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState>{t('accountAdmin.demoMailboxEmpty')}</EmptyState>}
      >
        {(data) => (
          <Stack gap="sm">
            {data.items.map((message) => (
              <Paper key={message.id} withBorder p="sm" component="article" aria-label={message.subject}>
                <Text size="sm" fw={600}>
                  {message.subject}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('mailbox.sentAt')}: {format.timestamp(message.sentAt)}
                </Text>
                <EmailText text={message.text} />
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
