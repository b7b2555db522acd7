import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../contract/index.ts';
import { errorText } from '../../i18n/messages.tsx';
import { useCancelQuote } from './api.ts';

/**
 * Cancel quote (SPEC §12), shown only when the server allows it (`quote.actions.cancel`), behind a
 * confirmation dialog. The dialog stays while the page catches up after a refusal, so its message
 * can be read even when the button has gone (the quote expired or was cancelled elsewhere).
 */
export function CancelQuote({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const cancelQuote = useCancelQuote(quote.quoteNumber);
  const [opened, setOpened] = useState(false);
  const [done, setDone] = useState(false);

  const open = () => {
    cancelQuote.reset();
    setDone(false);
    setOpened(true);
  };

  const confirm = () =>
    cancelQuote.mutate(undefined, {
      onSuccess: (cancelled) => {
        setDone(true);
        setOpened(false);
        notifications.show({
          color: 'teal',
          message: t('quoteView.cancelled', { number: cancelled.quoteNumber }),
          autoClose: 5000,
        });
      },
    });

  return (
    <>
      {quote.actions.cancel ? (
        <Button variant="outline" color="red.9" onClick={open}>
          {t('quoteView.cancel')}
        </Button>
      ) : null}
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        // The button that opened it is gone once the quote is cancelled: the page title takes the focus.
        onExitTransitionEnd={() => {
          if (done) document.querySelector<HTMLElement>('main h1')?.focus();
        }}
        title={t('quoteView.cancelTitle', { number: quote.quoteNumber })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('quoteView.cancelText')}</Text>
          {cancelQuote.isError ? (
            <Alert color="red" variant="light">
              {errorText(cancelQuote.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)} data-autofocus>
              {quote.actions.cancel ? t('quoteView.cancelKeep') : t('common.close')}
            </Button>
            {quote.actions.cancel ? (
              <Button color="red.9" onClick={confirm} loading={cancelQuote.isPending}>
                {t('quoteView.cancelConfirm')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
