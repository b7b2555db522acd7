import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountAdminView } from '../../../../contract/index.ts';
import { PublicLayout } from '../../ui/Layout.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAdminAccount, useAdminSignOut } from './api.ts';
import { GrantPurchaserSection } from './GrantPurchaserSection.tsx';
import { PurchaserHistory } from './PurchaserHistory.tsx';
import { type Purchaser, PurchasersSection } from './PurchasersSection.tsx';
import { WithdrawPurchaserModal } from './WithdrawPurchaserModal.tsx';

/**
 * The account admin's page (SPEC §1, §10): which partners are the account's Purchaser, making one
 * Purchaser (found by name or a user's email), withdrawing a grant, and their history.
 */
export function AccountAdminPage() {
  const { t } = useTranslation();
  const account = useAdminAccount();
  return (
    <PublicLayout>
      <QueryState query={account} loadingLabel={t('accountAdmin.loading')}>
        {(view) =>
          view ? (
            <Manage view={view} />
          ) : (
            <Stack gap="sm" maw={520} mx="auto" mt="xl">
              <PageTitle size="h3">{t('accountAdmin.signedOut')}</PageTitle>
              <Anchor component={Link} to="/account-admin">
                {t('accountAdmin.askAgain')}
              </Anchor>
            </Stack>
          )
        }
      </QueryState>
    </PublicLayout>
  );
}

function Manage({ view }: { view: AccountAdminView }) {
  const { t } = useTranslation();
  const signOut = useAdminSignOut();
  const [withdrawing, setWithdrawing] = useState<Purchaser | null>(null);
  const purchaserIds = new Set(view.purchasers.map((p) => p.partnerId));
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle>{t('accountAdmin.title', { name: view.account.name })}</PageTitle>
          <Text size="sm" c="dimmed">
            {t('accountAdmin.signedInAs', { email: view.email, customerId: view.account.customerId })}
          </Text>
        </div>
        <Button variant="outline" size="xs" onClick={() => signOut.mutate()}>
          {t('topBar.logout')}
        </Button>
      </Group>
      <Text size="sm">{t('accountAdmin.explain')}</Text>
      <PurchasersSection purchasers={view.purchasers} onWithdraw={setWithdrawing} />
      <GrantPurchaserSection purchaserIds={purchaserIds} />
      <PurchaserHistory history={view.history} />
      <WithdrawPurchaserModal withdrawing={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}
