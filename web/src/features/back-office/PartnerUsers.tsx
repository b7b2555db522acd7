import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePartnerUsersForStaff } from './api.ts';

/** A partner's users as vendor staff see them: name, email, role and status. */
export function PartnerUsers({ id }: { id: string }) {
  const { t } = useTranslation();
  const users = usePartnerUsersForStaff(id);
  return (
    <QueryState query={users} loadingLabel={t('users.loading')}>
      {(data) => (
        <Table withTableBorder maw={800} aria-label={t('backOffice.users')}>
          <Table.Tbody>
            {data.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                <Table.Td>{t(`users.status.${u.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
