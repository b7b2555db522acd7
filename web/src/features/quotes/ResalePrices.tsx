import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minorUnitDigits, type Quote, typedAmount } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { issueText } from '../../i18n/messages.tsx';
import { useSetResalePrices } from './api.ts';

/**
 * "Resale prices" (issue 18): what the partner charges its customer for each line, shown on the
 * customer copy instead of the list price. Offered while the quote is open, to those who may change it.
 */
export function ResalePrices({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!quote.actions.setResalePrices) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('resalePrices.open')}
      </Button>
      {open ? <ResalePricesModal quote={quote} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** An amount in minor units as a person types it back (`1234.50`, or `1234,50` in Portuguese). */
function typedText(minor: number | null | undefined, digits: number, language: string): string {
  if (minor === null || minor === undefined) return '';
  const text = digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
  return language === 'pt-BR' ? text.replace('.', ',') : text;
}

function ResalePricesModal({ quote, onClose }: { quote: Quote; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const save = useSetResalePrices(quote.quoteNumber);
  const digits = minorUnitDigits[quote.currency];
  const [texts, setTexts] = useState(() =>
    quote.lines.map((_line, index) => typedText(quote.resalePrices[index], digits, i18n.language)),
  );
  const [problems, setProblems] = useState<ReactNode[]>([]);
  const [formProblem, setFormProblem] = useState<ReactNode>(null);
  const amount = typedAmount(quote.currency);

  const submit = () => {
    const parsed = texts.map((text) => (text.trim() === '' ? null : amount.safeParse(text)));
    const found = parsed.map((result) =>
      result && !result.success ? issueText(result.error.issues[0] ?? { code: 'custom' }) : null,
    );
    setProblems(found);
    if (found.some((p) => p !== null)) return;
    const lines = parsed.map((result, index) => ({
      lineNo: index + 1,
      resaleMinor: result?.success ? result.data : null,
    }));
    save.mutate(
      { lines },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('resalePrices.saved') });
          onClose();
        },
        onError: (error) => {
          if (!isHandledGlobally(error)) setFormProblem(errorMessage(error));
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('resalePrices.title', { number: quote.quoteNumber })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('resalePrices.intro', { currency: quote.currency })}</Text>
          {quote.lines.map((line, index) => (
            <TextInput
              // Lines of a quote never change: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a quote's lines are fixed
              key={index}
              label={t('resalePrices.line', { lineNo: index + 1, product: line.productName })}
              description={t('resalePrices.listPrice', {
                amount: format.money(line.listPriceMinor, quote.currency),
                count: line.quantity,
              })}
              inputMode="decimal"
              autoComplete="off"
              value={texts[index] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTexts((all) => all.map((text, i) => (i === index ? value : text)));
                setProblems((all) => all.map((p, i) => (i === index ? null : p)));
                setFormProblem(null);
              }}
              error={problems[index]}
              data-autofocus={index === 0 ? true : undefined}
            />
          ))}
          {formProblem ? (
            <Text c="red" size="sm" role="alert">
              {formProblem}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('resalePrices.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
