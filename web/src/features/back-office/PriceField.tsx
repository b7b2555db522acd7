import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, minorUnitDigits, typedYearlyListPrice } from '../../../../contract/index.ts';
import { useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { issueText } from '../../i18n/messages.tsx';
import { useSetPrice } from './api.ts';

/** The price as the field shows it before any typing: `599.00`. */
function asTyped(minor: number | null, currency: Currency): string {
  if (minor === null) return '';
  const digits = minorUnitDigits[currency];
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * One yearly list price of the catalog (a product in a currency). What is typed is only a draft:
 * it is checked next to the field, and the price changes only on Save and then Confirm in a dialog
 * that shows the old and the new price — leaving the field sends nothing.
 */
export function PriceField({
  product,
  currency,
  current,
}: {
  product: { code: string; name: string };
  currency: Currency;
  /** The price now, in minor units (null: not sold in this currency yet). */
  current: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const setPrice = useSetPrice();
  const [draft, setDraft] = useState(asTyped(current, currency));
  const [error, setError] = useState<ReactNode>(null);
  // The price proposed in the dialog stays while it closes; `confirming` says whether it is open.
  const [proposed, setProposed] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const names = { product: product.name, currency };
  const edited = draft.trim() !== asTyped(current, currency);

  /** The new price in minor units, or null with the reason shown next to the field. */
  const check = (): number | null => {
    const parsed = typedYearlyListPrice(currency).safeParse(draft);
    if (parsed.success) {
      setError(null);
      return parsed.data;
    }
    const [issue] = parsed.error.issues;
    setError(issue ? issueText(issue) : null);
    return null;
  };
  const save = () => {
    const minor = check();
    if (minor === null) return;
    if (minor === current) {
      setDraft(asTyped(current, currency));
      return;
    }
    setProposed(minor);
    setConfirming(true);
  };
  const confirm = () =>
    setPrice.mutate(
      { code: product.code, currency, yearlyListMinor: proposed },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('backOffice.priceSet', {
              product: product.name,
              price: format.money(proposed, currency),
            }),
          }),
        onError: (failure) => setError(errorMessage(failure)),
        onSettled: () => setConfirming(false),
      },
    );

  return (
    <>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <TextInput
          aria-label={t('backOffice.priceOf', names)}
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          error={error}
          w={110}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            setError(null);
          }}
          onBlur={() => {
            if (edited) check();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save();
          }}
        />
        {edited ? (
          <Button size="compact-sm" aria-label={t('backOffice.savePriceOf', names)} onClick={save}>
            {t('backOffice.savePrice')}
          </Button>
        ) : null}
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('backOffice.confirmPriceTitle', names)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>
            {t('backOffice.confirmPriceChange', {
              ...names,
              old: current === null ? t('backOffice.noPrice') : format.money(current, currency),
              new: format.money(proposed, currency),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('backOffice.confirmPriceNote')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={setPrice.isPending} onClick={confirm}>
              {t('backOffice.confirmPrice')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
