import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { AddLicenseLinesRequest } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useAddRenewals } from '../cart/api.ts';
import { AddedToCart, CART_PATH } from './AddedToCart.tsx';

/**
 * Puts found licenses into the cart (renewal, upgrade or downgrade) once per intention: a double
 * click replays the same attempt; the outcome is told in a notification, with a "View cart" link.
 */
export function useAddLicenseLines(customerId: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const mutation = useAddRenewals(customerId);
  const attempt = useAttemptKey();
  const add = (body: z.input<typeof AddLicenseLinesRequest>, done: string, onDone?: () => void) =>
    mutation.mutate(
      { body, idempotencyKey: attempt.key() },
      {
        onSuccess: () => {
          attempt.succeeded();
          const id = notifications.show({
            color: 'teal',
            message: createElement(AddedToCart, {
              done,
              viewCart: t('renewals.viewCart'),
              onView: () => {
                notifications.hide(id);
                navigate(CART_PATH);
              },
            }),
          });
          onDone?.();
        },
        onError: (error) => {
          if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
        },
      },
    );
  return { add, pending: mutation.isPending, changed: attempt.changed };
}
