import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { useAddLicenseLines } from './useAddLicenseLines.ts';

/**
 * Upgrade to the All Products Pack (SPEC §11a): from today to the old end date, the unused value of
 * the old subscription credited in the cart.
 */
export function UpgradeButton({ group, customerId }: { group: SubscriptionGroup; customerId: string }) {
  const { t } = useTranslation();
  const lines = useAddLicenseLines(customerId);
  return (
    <Button
      size="xs"
      variant="light"
      loading={lines.pending}
      onClick={() =>
        lines.add(
          { kind: 'upgrade', licenseIds: group.licenseIds },
          t('renewals.upgradeAdded', { count: group.seats, product: group.productName }),
        )
      }
    >
      {t('renewals.actions.upgrade')}
    </Button>
  );
}
