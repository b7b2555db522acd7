import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateQuoteRequest } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import {
  type BillingAddressValues,
  billingAddressFromFile,
  billingAddressValues,
} from '../../forms/BillingAddressFieldset.tsx';
import { FORM_ERROR, focusFirstError, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { type EndUserValues, endUserValues } from '../../forms/EndUserFieldset.tsx';
import { keyText } from '../../i18n/messages.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useCompanyProfile } from '../partner/api.ts';
import { useCreateQuote } from './api.ts';

type Values = {
  billingAddress: BillingAddressValues;
  endUser: EndUserValues;
  poNumber: string;
  sendCopyTo: string;
  /** Which copy the email carries: chosen, never defaulted (issue 18). */
  sendCopyAs: string;
};

/**
 * The Get Quote form for `account`: prefilled from the partner and the billing address on file,
 * following the open account, and Create quote with one attempt, then the quote (or its checkout
 * when `toCheckout`).
 */
export function useNewQuoteForm(account: { customerId: string; name: string }, toCheckout: boolean) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const createQuote = useCreateQuote();
  const attempt = useAttemptKey();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useContractForm({
    schema: CreateQuoteRequest,
    initialValues: {
      billingAddress: billingAddressValues({
        companyName: session.partner.name,
        country: session.partner.country,
      }),
      endUser: endUserValues({ company: account.name }),
      poNumber: '',
      sendCopyTo: '',
      sendCopyAs: '',
    } satisfies Values,
    toInput: ({ sendCopyAs, ...values }: Values) => ({
      customerId: account.customerId,
      ...values,
      ...(sendCopyAs ? { sendCopyAs } : {}),
    }),
    // Anything changed is a new attempt, with a new Idempotency-Key.
    onValuesChange: () => attempt.changed(),
  });

  // The billing address on file fills the form once it arrives, unless the user has begun typing.
  const profile = useCompanyProfile();
  const onFile = profile.data?.billingAddress ?? null;
  const prefilled = useRef(false);
  useEffect(() => {
    if (!onFile || prefilled.current) return;
    prefilled.current = true;
    if (!form.isDirty('billingAddress')) form.setFieldValue('billingAddress', billingAddressFromFile(onFile));
  }, [onFile, form]);

  // The open account changed (another tab): the licensee company still showing the previous
  // account's name follows the account now shown.
  const previousAccountName = useRef(account.name);
  useEffect(() => {
    const previous = previousAccountName.current;
    previousAccountName.current = account.name;
    if (previous !== account.name && form.getValues().endUser.company === previous) {
      form.setFieldValue('endUser.company', account.name);
    }
  }, [account.name, form]);

  const fixErrors = () => {
    form.setFieldError(FORM_ERROR, keyText('quoteForm.fixErrors'));
    focusFirstError(formRef.current);
  };

  const submit = form.onSubmit(
    (body) =>
      createQuote.mutate(
        { body, idempotencyKey: attempt.key() },
        {
          onSuccess: (quote) => {
            attempt.succeeded();
            notifications.show({
              color: 'teal',
              message: t('quoteForm.created', { number: quote.quoteNumber }),
              autoClose: 5000,
            });
            // Checkout from the cart: the quote is made, then paid.
            void navigate(`/quotes/${encodeURIComponent(quote.quoteNumber)}${toCheckout ? '/checkout' : ''}`);
          },
          onError: (error) => {
            // A message next to a field is also announced at the button, with the focus on the field.
            const placed = placeApiError(form, error);
            if (placed && placed !== FORM_ERROR) fixErrors();
          },
        },
      ),
    fixErrors,
  );

  return {
    form,
    formRef,
    submit,
    creating: createQuote.isPending,
    created: createQuote.isSuccess,
  };
}
