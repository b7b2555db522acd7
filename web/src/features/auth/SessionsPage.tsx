import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { UserSession } from '../../../../contract/index.ts';
import { useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useEndSessions, useUserSessions } from './sessionsApi.ts';
import { describeUserAgent } from './userAgent.ts';

/** "Firefox on Linux", or as much of it as the User-Agent says. */
function useDeviceName() {
  const { t } = useTranslation();
  return (session: UserSession) => {
    const { browser, system } = describeUserAgent(session.userAgent);
    if (browser && system) return t('sessions.browserOn', { browser, system });
    return browser ?? system ?? t('sessions.unknownBrowser');
  };
}

/**
 * The user's live sessions (issue 18): each browser signed in, when, and last seen, so that one
 * left signed in elsewhere (a shared computer, a lost phone) can be signed out from here.
 */
// Darker than Mantine's light teal text, as on the invoice status badges: axe wants 4.5:1.
const THIS_SESSION_TEXT = '#0b5e46';

export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useUserSessions();
  const endSessions = useEndSessions();
  const format = useFormat();
  const deviceName = useDeviceName();
  const errorMessage = useErrorMessage();

  const signOut = (ids: string[], message: string) =>
    endSessions.mutate(ids, {
      onSuccess: () => notifications.show({ message, color: 'teal' }),
      onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
    });

  return (
    <Stack gap="lg">
      <PageTitle>{t('sessions.title')}</PageTitle>
      <Text c="dimmed">{t('sessions.intro')}</Text>
      <QueryState query={sessions} loadingLabel={t('sessions.loading')}>
        {(data) => {
          const others = data.items.filter((session) => !session.current);
          return (
            <Stack gap="md">
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sessions.browser')}</Table.Th>
                    <Table.Th>{t('sessions.signedInAt')}</Table.Th>
                    <Table.Th>{t('sessions.lastSeen')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('sessions.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((session) => (
                    <Table.Tr key={session.id}>
                      <Table.Td>
                        <Text size="sm" title={session.userAgent ?? undefined}>
                          {deviceName(session)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{format.timestamp(session.signedInAt)}</Table.Td>
                      <Table.Td>{format.timestamp(session.lastSeenAt)}</Table.Td>
                      <Table.Td>
                        {session.current ? (
                          <Badge variant="light" color="teal" style={{ color: THIS_SESSION_TEXT }}>
                            {t('sessions.thisSession')}
                          </Badge>
                        ) : (
                          <Button
                            size="xs"
                            variant="default"
                            disabled={endSessions.isPending}
                            onClick={() =>
                              signOut([session.id], t('sessions.signedOut', { device: deviceName(session) }))
                            }
                          >
                            {t('sessions.signOut')}
                            <VisuallyHidden>{` ${deviceName(session)}`}</VisuallyHidden>
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group>
                {others.length > 0 ? (
                  <Button
                    variant="outline"
                    loading={endSessions.isPending}
                    onClick={() =>
                      signOut(
                        others.map((session) => session.id),
                        t('sessions.signedOutOthers', { count: others.length }),
                      )
                    }
                  >
                    {t('sessions.signOutEverywhereElse')}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('sessions.onlyThisOne')}
                  </Text>
                )}
              </Group>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
