import { Anchor, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { limits } from '../../../../contract/index.ts';
import { BillingAddressFieldset } from '../../forms/BillingAddressFieldset.tsx';
import { FormErrorAlert } from '../../forms/contractForm.tsx';
import { EndUserFieldset } from '../../forms/EndUserFieldset.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LoadingState } from '../../ui/states.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useCart } from '../cart/api.ts';
import { NoOpenAccount } from '../customers/NoOpenAccount.tsx';
import { CopyChoice } from './CopyChoice.tsx';
import { QuoteCartLines } from './QuoteCartLines.tsx';
import { useNewQuoteForm } from './useNewQuoteForm.ts';

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
  const toCheckout = useSearchParams()[0].get('next') === 'checkout';
  const cart = useCart(account.customerId);
  const { form, formRef, submit, creating, created } = useNewQuoteForm(account, toCheckout);

  if (created) return <LoadingState label={t('quoteForm.opening')} />;

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
      <QuoteCartLines cart={cart} />
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
            {form.getValues().sendCopyTo.trim() !== '' ? (
              <CopyChoice
                value={form.getValues().sendCopyAs}
                onChange={(value) => form.setFieldValue('sendCopyAs', value)}
                error={form.errors.sendCopyAs}
              />
            ) : null}
            <FormErrorAlert form={form} />
            <Group>
              <Button type="submit" loading={creating}>
                {toCheckout ? t('quoteForm.submitAndPay') : t('quoteForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
