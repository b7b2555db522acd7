import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Order } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { useRenewOrder, useResendLicenses, useSendActivation } from './api.ts';

/**
 * Send activation email (SPEC §8) the first time: the licensee gets the licenses and their keys;
 * after that **Resend licenses** (SPEC §9) sends them again, to each assigned user as well.
 */
export function SendLicenses({ order }: { order: Order }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const send = useSendActivation(order.orderNumber);
  const resend = useResendLicenses(order.orderNumber);
  const failed = (error: unknown) => {
    if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
  };
  if (order.licensesSentAt === null) {
    return (
      <Button
        loading={send.isPending}
        onClick={() =>
          send.mutate(undefined, {
            onSuccess: (sent) =>
              notifications.show({ color: 'teal', message: t('order.activationSent', { to: sent.sentTo }) }),
            onError: failed,
          })
        }
      >
        {t('order.sendActivation')}
      </Button>
    );
  }
  return (
    <Stack gap={2} align="flex-end">
      <Button
        loading={resend.isPending}
        onClick={() =>
          resend.mutate(undefined, {
            onSuccess: (sent) =>
              notifications.show({
                color: 'teal',
                message: t('order.licensesResent', { to: sent.sentTo.join(', ') }),
              }),
            onError: failed,
          })
        }
      >
        {t('order.resendLicenses')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('order.licensesSentOn', { date: format.timestampDate(order.licensesSentAt) })}
      </Text>
    </Stack>
  );
}

/** Renew (SPEC §9): the Product Catalog with a renewal cart for the order's licenses. */
export function Renew({ order }: { order: Order }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const renew = useRenewOrder(order.orderNumber);
  return (
    <Button
      variant="outline"
      loading={renew.isPending}
      onClick={() =>
        renew.mutate(undefined, {
          onSuccess: (answer) =>
            void navigate('/catalog', { state: { renewal: { order: order.orderNumber, ...answer } } }),
          onError: (error) => {
            if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
          },
        })
      }
    >
      {t('order.renew')}
    </Button>
  );
}
