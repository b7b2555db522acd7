import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useMailbox, useMailboxMessage } from './api.ts';
import { EmailText } from './EmailText.tsx';

/** The development mailbox (demo mode without SMTP): the emails the portal sent, newest first. */
export function MailboxPage({ base = '/dev/mailbox' }: { base?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mailbox = useMailbox();
  return (
    <Stack gap="md">
      <PageTitle>{t('mailbox.title')}</PageTitle>
      <Text c="dimmed">{t('mailbox.intro')}</Text>
      <QueryState
        query={mailbox}
        loadingLabel={t('mailbox.loading')}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState>{t('mailbox.empty')}</EmptyState>}
      >
        {(data) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mailbox.sentAt')}</Table.Th>
                <Table.Th scope="col">{t('mailbox.to')}</Table.Th>
                <Table.Th scope="col">{t('mailbox.subject')}</Table.Th>
                <Table.Th scope="col">{t('mailbox.attachments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{format.timestamp(item.sentAt)}</Table.Td>
                  <Table.Td>{item.to}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`${base}/${item.id}`}>
                      {item.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.attachments.join(', ') || t('mailbox.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

/** One email as it was sent: its HTML in a sandboxed frame (no scripts), and its plain text. */
export function MailboxMessagePage({ base = '/dev/mailbox' }: { base?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useParams().id ?? '';
  const message = useMailboxMessage(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={base} size="sm">
        {t('mailbox.back')}
      </Anchor>
      <QueryState query={message} loadingLabel={t('mailbox.loading')}>
        {(m) => (
          <Stack gap="sm">
            <PageTitle>{m.subject}</PageTitle>
            <Text size="sm">
              {t('mailbox.to')}: {m.to} · {t('mailbox.sentAt')}: {format.timestamp(m.sentAt)}
            </Text>
            {m.attachments.length > 0 ? (
              <Text size="sm">
                {t('mailbox.attachments')}: {m.attachments.join(', ')}
              </Text>
            ) : null}
            {m.html ? (
              <iframe
                title={m.subject}
                sandbox=""
                srcDoc={m.html}
                style={{ width: '100%', height: 480, border: '1px solid #ddd', borderRadius: 4 }}
              />
            ) : null}
            <Title order={2} size="h5">
              {t('mailbox.text')}
            </Title>
            <EmailText text={m.text} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
