import { Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerUser } from '../../../../contract/index.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePartnerUsers } from './api.ts';
import { CompanyNav } from './CompanyNav.tsx';
import { DeactivateUserModal } from './DeactivateUserModal.tsx';
import { InviteUserForm } from './InviteUserForm.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { UserRow } from './UserRow.tsx';

/**
 * Users (partner admins): invite a user by email (a one-time link sets the password; until then
 * the invitation is pending, to resend or cancel), change a role, deactivate (their sessions end at
 * once). What may be done with each user comes with it from the server (its `actions`).
 */
export function UsersPage() {
  const { t } = useTranslation();
  const users = usePartnerUsers();
  const [deactivating, setDeactivating] = useState<PartnerUser | null>(null);
  return (
    <Stack gap="lg">
      <PageTitle>{t('users.title')}</PageTitle>
      <CompanyNav />
      <QueryState query={users} loadingLabel={t('users.loading')}>
        {(data) => (
          <Table striped withTableBorder maw={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.since')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((user) => (
                <UserRow key={user.id} user={user} onDeactivate={() => setDeactivating(user)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {users.data ? <PendingInvitations invitations={users.data.invitations} /> : null}
      <InviteUserForm />
      <DeactivateUserModal user={deactivating} onClose={() => setDeactivating(null)} />
    </Stack>
  );
}
