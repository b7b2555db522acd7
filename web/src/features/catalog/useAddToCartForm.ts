import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AddCartLineRequest, limits, type Product } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { useFormat } from '../../i18n/format.ts';
import { keyText } from '../../i18n/messages.tsx';
import { useAddCartLine } from '../cart/api.ts';
import {
  type AddToCartValues,
  digitsOnly,
  initialAddToCartValues,
  quantityValue,
} from './addToCartValues.ts';
import { termYearsOf } from './term.ts';
import { useQuantityGuard } from './useQuantityGuard.ts';

/**
 * The form that adds new subscriptions of `product` to the cart of `customerId`: its values, the
 * guarded quantity field, and the submit with one attempt. `focusRequest` above 0 puts the focus
 * in the quantity.
 */
export function useAddToCartForm(product: Product, customerId: string, focusRequest: number) {
  const { t } = useTranslation();
  const format = useFormat();
  const addLine = useAddCartLine(customerId);
  const attempt = useAttemptKey();
  const quantityRef = useRef<HTMLInputElement>(null);
  const guard = useQuantityGuard();

  const form = useContractForm({
    schema: AddCartLineRequest,
    initialValues: initialAddToCartValues,
    toInput: (values: AddToCartValues) => ({
      productCode: product.code,
      quantity: quantityValue(values.quantity),
      termYears: termYearsOf(values.termYears),
      serviceDomain: product.requiresServiceDomain ? values.serviceDomain.trim() || undefined : undefined,
    }),
    // Messages of this form only: an emptied or refused quantity, a missing service domain.
    refine: (values: AddToCartValues) => {
      const errors: Record<string, ReactNode> = {};
      if (guard.refusedKey) errors.quantity = digitsOnly();
      else if (values.quantity === '')
        errors.quantity = keyText('forms.quantityRequired', { max: limits.quantityMax });
      if (product.requiresServiceDomain && !values.serviceDomain.trim()) {
        errors.serviceDomain = keyText('errors.cart.service_domain_required');
      }
      return errors;
    },
    // Anything else typed is a new attempt, with a new Idempotency-Key.
    onValuesChange: () => attempt.changed(),
  });

  useEffect(() => {
    if (focusRequest > 0) {
      quantityRef.current?.focus();
      quantityRef.current?.select();
    }
  }, [focusRequest]);

  const quantityHandlers = guard.handlers({
    setValue: (value) => form.setFieldValue('quantity', value),
    setError: (error) => form.setFieldError('quantity', error),
    clearError: () => form.clearFieldError('quantity'),
  });

  const submit = form.onSubmit(
    (body) =>
      addLine.mutate(
        { body, idempotencyKey: attempt.key() },
        {
          onSuccess: () => {
            attempt.succeeded();
            notifications.show({
              color: 'teal',
              message: t('catalog.added', { quantity: format.integer(body.quantity), product: product.name }),
              autoClose: 5000,
            });
          },
          onError: (error) => placeApiError(form, error),
        },
      ),
    (errors) => {
      if (errors.quantity) quantityRef.current?.focus();
    },
  );

  return { form, quantityRef, quantityHandlers, submit, adding: addLine.isPending };
}
