import { Badge, Button, NativeSelect, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type PartnerUser, Role } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { useChangePartnerUsers } from './api.ts';

const statusColor = { active: 'teal', deactivated: 'gray' } as const;
const statusText = { active: '#0b5e46', deactivated: '#343a40' } as const;

/**
 * One user of the partner: the role can be changed, and the user deactivated, where the server's
 * actions for this user allow it (never the admin's own login, nor a deactivated user).
 */
export function UserRow({ user, onDeactivate }: { user: PartnerUser; onDeactivate: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const change = useChangePartnerUsers();
  const roles = Role.options.map((value) => ({ value, label: t(`roles.${value}`) }));
  return (
    <Table.Tr>
      <Table.Td fw={600}>
        {user.name}
        {user.isYou ? ` ${t('users.you')}` : ''}
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        {user.actions.changeRole ? (
          <NativeSelect
            aria-label={t('users.roleOf', { name: user.name })}
            data={roles}
            value={user.role}
            onChange={(event) =>
              change.changeRole.mutate(
                { id: user.id, role: event.currentTarget.value as Role },
                {
                  onError: (error) => {
                    if (!isHandledGlobally(error))
                      notifications.show({ color: 'red', message: errorMessage(error) });
                  },
                },
              )
            }
            w={160}
          />
        ) : (
          t(`roles.${user.role}`)
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={statusColor[user.status]} style={{ color: statusText[user.status] }}>
          {t(`users.status.${user.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{format.timestampDate(user.createdAt)}</Table.Td>
      <Table.Td>
        {user.actions.deactivate ? (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red.9"
            c="red.9"
            aria-label={t('users.deactivateOf', { name: user.name })}
            onClick={onDeactivate}
          >
            {t('users.deactivate')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
