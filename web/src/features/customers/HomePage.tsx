import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type {
  AccountIdentifier,
  CustomerAccount,
  DirectQuotePreview,
  LookupKind,
  Quote,
} from '../../../../contract/index.ts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../i18n/messages.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useCan } from '../auth/session.tsx';
import { useCheckDirectQuote } from '../quotes/api.ts';
import { ConvertDirectQuoteModal } from '../quotes/ConvertDirectQuoteModal.tsx';
import { type AccountsOfEmail, AccountsOfEmailModal } from './AccountsOfEmailModal.tsx';
import { useFindCustomersByEmail, useOpenCustomer } from './api.ts';
import { type SearchKind, searchKinds, understand } from './customerSearch.ts';
import { EmailProofModal } from './EmailProofModal.tsx';
import { NoCustomerAccess, OpenAccountCard } from './HomeCards.tsx';
import { RecentAccounts } from './RecentAccounts.tsx';

/** The start page: one search bar that recognises what it is given (SPEC §3). */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canOpen = useCan('customers.open');
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<SearchKind>('auto');
  const [error, setError] = useState<ReactNode>(null);
  const [proof, setProof] = useState<AccountIdentifier | null>(null);
  const [accounts, setAccounts] = useState<AccountsOfEmail | null>(null);
  const [directQuote, setDirectQuote] = useState<DirectQuotePreview | null>(null);
  const open = useOpenCustomer();
  const findByEmail = useFindCustomersByEmail();
  const checkDirect = useCheckDirectQuote();
  const searchRef = useRef<HTMLInputElement>(null);
  const location = useLocation();
  const focusSearch = (location.state as { focusSearch?: boolean } | null)?.focusSearch === true;

  // After "Close account" the next step is finding the next customer.
  useEffect(() => {
    if (focusSearch && location.key) searchRef.current?.focus();
  }, [focusSearch, location.key]);

  if (!canOpen) return <NoCustomerAccess />;

  const opened = (account: CustomerAccount) => {
    setProof(null);
    setAccounts(null);
    notifications.show({
      color: 'teal',
      message: t('customers.opened', { name: account.name, customerId: account.customerId }),
    });
    void navigate('/catalog');
  };

  const converted = (quote: Quote) => {
    setDirectQuote(null);
    notifications.show({
      color: 'teal',
      message: t('convertQuote.done', { from: quote.convertedFrom, number: quote.quoteNumber }),
      autoClose: 6000,
    });
    void navigate(`/quotes/${encodeURIComponent(quote.quoteNumber)}`);
  };

  const lookUp = (kind: LookupKind, value: string) => {
    setError(null);
    if (kind === 'email') {
      findByEmail.mutate(
        { email: value },
        {
          onSuccess: setAccounts,
          // No account has this email: the pop-up offers to create one.
          onError: (e) =>
            isApiError(e, 'customer.email_unknown')
              ? setAccounts({ email: value, items: [] })
              : setError(errorText(e)),
        },
      );
    } else if (kind === 'quoteNumber') {
      // Checked before the pop-up asks for the licensee: an expired or unknown number is refused here.
      checkDirect.mutate(
        { quoteNumber: value },
        { onSuccess: setDirectQuote, onError: (e) => setError(errorText(e)) },
      );
    } else if (kind !== 'unknown') {
      const identifier = { kind, value } as AccountIdentifier;
      open.mutate(
        { identifier },
        {
          onSuccess: opened,
          // Anything but a managed or own account: the email step, whether the account exists or not.
          onError: (e) =>
            isApiError(e, 'customer.email_required') ? setProof(identifier) : setError(errorText(e)),
        },
      );
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const understood = understand(input.trim(), chosen);
    if ('error' in understood) {
      setError(
        input.trim() === ''
          ? t('customers.search.empty')
          : (understood.error ?? t('customers.search.unknown')),
      );
      searchRef.current?.focus();
      return;
    }
    lookUp(understood.kind, understood.value);
  };

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageTitle>{t('home.title')}</PageTitle>
        <Text c="dimmed" mt={4}>
          {t('home.intro')}
        </Text>
      </div>
      <search>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              ref={searchRef}
              label={t('customers.search.label')}
              description={t('customers.search.hint')}
              placeholder={t('customers.search.placeholder')}
              value={input}
              onChange={(event) => setInput(event.currentTarget.value)}
              error={error}
              autoComplete="off"
              size="md"
            />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t('customers.search.kind')}
                data={searchKinds.map((kind) => ({ value: kind, label: t(`customers.searchKinds.${kind}`) }))}
                value={chosen}
                onChange={(event) => setChosen(event.currentTarget.value as SearchKind)}
                w={260}
              />
              <Button
                type="submit"
                loading={open.isPending || findByEmail.isPending || checkDirect.isPending}
              >
                {t('customers.search.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </search>
      <OpenAccountCard />
      <RecentAccounts
        onChoose={(customerId) => {
          setInput(customerId);
          setChosen('auto');
          lookUp('customerId', customerId);
        }}
      />
      <EmailProofModal identifier={proof} onClose={() => setProof(null)} onOpened={opened} />
      <AccountsOfEmailModal found={accounts} onClose={() => setAccounts(null)} onOpened={opened} />
      <ConvertDirectQuoteModal
        preview={directQuote}
        onClose={() => setDirectQuote(null)}
        onConverted={converted}
      />
    </Stack>
  );
}
