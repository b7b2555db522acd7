import { Anchor, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CreateQuoteRequest, limits } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import {
  BillingAddressFieldset,
  type BillingAddressValues,
  billingAddressFromFile,
  billingAddressValues,
} from '../../forms/BillingAddressFieldset.tsx';
import {
  FORM_ERROR,
  FormErrorAlert,
  focusFirstError,
  placeApiError,
  useContractForm,
} from '../../forms/contractForm.tsx';
import { EndUserFieldset, type EndUserValues, endUserValues } from '../../forms/EndUserFieldset.tsx';
import { keyText } from '../../i18n/messages.tsx';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState, LoadingState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useCart } from '../cart/api.ts';
import { NoOpenAccount } from '../customers/NoOpenAccount.tsx';
import { useCompanyProfile } from '../partner/api.ts';
import { useCreateQuote } from './api.ts';

type Values = {
  billingAddress: BillingAddressValues;
  endUser: EndUserValues;
  poNumber: string;
  sendCopyTo: string;
};

/**
 * Get Quote: the cart read-only, billing address and end user, then Create quote (SPEC §7). The
 * quote is for the account the page shows; if another tab has opened another account since, the
 * server refuses it and the app shows the account that is open now.
 */
export function NewQuotePage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const account = session.openAccount;
  if (!account) return <NoOpenAccount title={t('quoteForm.title')}>{t('quoteForm.noAccount')}</NoOpenAccount>;
  return <NewQuote account={account} />;
}

function NewQuote({ account }: { account: { customerId: string; name: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const toCheckout = useSearchParams()[0].get('next') === 'checkout';
  const cart = useCart(account.customerId);
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
    } satisfies Values,
    toInput: (values: Values) => ({ customerId: account.customerId, ...values }),
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

  if (createQuote.isSuccess) return <LoadingState label={t('quoteForm.opening')} />;

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

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/catalog" size="sm">
          {t('quoteForm.backToCart')}
        </Anchor>
        <PageTitle>{t('quoteForm.title')}</PageTitle>
        <Text c="dimmed">{t('quoteForm.intro', { days: limits.quoteValidityDays })}</Text>
        <Text size="sm" mt={4}>
          {t('catalog.forAccount', { name: account.name, customerId: account.customerId })}
        </Text>
      </div>
      <Stack gap="xs" component="section" aria-labelledby="quote-lines-heading">
        <Title order={2} size="h4" id="quote-lines-heading">
          {t('quoteForm.linesHeading')}
        </Title>
        <QueryState
          query={cart}
          loadingLabel={t('cart.loading')}
          isEmpty={(data) => data.lines.length === 0}
          empty={
            <EmptyState
              action={
                <Anchor component={Link} to="/catalog">
                  {t('quoteForm.goToCatalog')}
                </Anchor>
              }
            >
              {t('quoteForm.emptyCart')}
            </EmptyState>
          }
        >
          {(data) => <LinesTable lines={data.lines} totals={data.totals} currency={data.currency} />}
        </QueryState>
      </Stack>
      {cart.data && cart.data.lines.length > 0 ? (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="md">
            <BillingAddressFieldset form={form} />
            <EndUserFieldset form={form} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('quoteForm.poNumber')}
                description={t('common.optional')}
                autoComplete="off"
                {...form.getInputProps('poNumber')}
              />
              <TextInput
                type="email"
                label={t('quoteForm.sendCopyTo')}
                description={t('quoteForm.sendCopyToHint')}
                autoComplete="off"
                {...form.getInputProps('sendCopyTo')}
              />
            </SimpleGrid>
            <FormErrorAlert form={form} />
            <Group>
              <Button type="submit" loading={createQuote.isPending}>
                {toCheckout ? t('quoteForm.submitAndPay') : t('quoteForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
