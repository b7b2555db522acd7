import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionGroup } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { useProducts } from '../catalog/api.ts';
import { DEFAULT_TERM, type TermChoice, termYearsOf } from '../catalog/term.ts';
import { TermSelect } from './TermSelect.tsx';
import { useAddLicenseLines } from './useAddLicenseLines.ts';

/**
 * Downgrade at renewal (SPEC §5): the All Products Pack's seats renewed as one single desktop
 * product, from the pack's end date, for the chosen term.
 */
export function DowngradeButton({ group, customerId }: { group: SubscriptionGroup; customerId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)}>
        {t('renewals.actions.downgrade')}
      </Button>
      {opened ? (
        <DowngradeModal group={group} customerId={customerId} onClose={() => setOpened(false)} />
      ) : null}
    </>
  );
}

function DowngradeModal({
  group,
  customerId,
  onClose,
}: {
  group: SubscriptionGroup;
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const products = useProducts();
  const lines = useAddLicenseLines(customerId);
  const [productCode, setProductCode] = useState<string | null>(null);
  const [term, setTerm] = useState<TermChoice>(DEFAULT_TERM);
  const [missing, setMissing] = useState(false);
  const singles = (products.data ?? []).filter(
    (p) => (p.kind === 'ide' || p.kind === 'tool') && p.code !== group.productCode,
  );
  const chosen = singles.find((p) => p.code === productCode);
  const submit = () => {
    if (!chosen) {
      setMissing(true);
      return;
    }
    lines.add(
      {
        kind: 'downgrade',
        licenseIds: group.licenseIds,
        productCode: chosen.code,
        termYears: termYearsOf(term),
      },
      t('renewals.downgradeAdded', { count: group.seats, from: group.productName, product: chosen.name }),
      onClose,
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('renewals.downgrade.title', { product: group.productName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">
          {t('renewals.downgrade.intro', {
            count: group.seats,
            date: format.date(group.periodEnd),
          })}
        </Text>
        <Select
          label={t('renewals.downgrade.product')}
          placeholder={t('renewals.downgrade.productPlaceholder')}
          data={singles.map((p) => ({ value: p.code, label: p.name }))}
          value={productCode}
          onChange={(value) => {
            setProductCode(value);
            setMissing(false);
            lines.changed();
          }}
          searchable
          required
          error={missing ? t('renewals.downgrade.productRequired') : null}
          comboboxProps={{ withinPortal: true }}
        />
        <TermSelect
          label={t('renewals.termFor', { product: chosen?.name ?? group.productName })}
          value={term}
          onChange={(choice) => {
            setTerm(choice);
            lines.changed();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={lines.pending}>
            {t('catalog.addToCart')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
