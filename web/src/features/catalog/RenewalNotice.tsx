import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { RenewalCartAnswer } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';

type Renewal = RenewalCartAnswer & { order: string };

/**
 * What Renew on an order did (SPEC §9), shown on arrival in the Product Catalog: how many licenses
 * went into the cart, and each one left out with why.
 */
export function RenewalNotice() {
  const { t } = useTranslation();
  const format = useFormat();
  const renewal = (useLocation().state as { renewal?: Renewal } | null)?.renewal;
  if (!renewal) return null;
  const added = renewal.added.length;
  return (
    <Alert
      color={added > 0 ? 'teal' : 'orange'}
      variant="light"
      title={t('catalog.renewal.title', { order: renewal.order })}
      role="status"
    >
      <Text size="sm">
        {added > 0 ? t('catalog.renewal.added', { count: added }) : t('catalog.renewal.none')}
      </Text>
      {renewal.skipped.length > 0 ? (
        <>
          <Text size="sm" mt="xs" fw={600}>
            {t('catalog.renewal.skipped')}
          </Text>
          <List size="sm">
            {renewal.skipped.map((s) => (
              <List.Item key={s.licenseId}>
                {s.reason === 'in_cart'
                  ? t('catalog.renewal.inCart', { licenseId: s.licenseId })
                  : t('catalog.renewal.notRenewable', {
                      licenseId: s.licenseId,
                      standing: t(`renewals.standing.${s.standing ?? 'active'}`),
                      opensOn: s.opensOn ? format.date(s.opensOn) : '',
                      closesOn: s.closesOn ? format.date(s.closesOn) : '',
                    })}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Alert>
  );
}
