import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import {
  type AccountIdentifier,
  type CustomerAccount,
  CustomerId,
  type DirectQuotePreview,
  Email,
  LicenseId,
  LicenseKey,
  type LookupKind,
  type Quote,
  QuoteNumber,
  recogniseLookupInput,
  SubscriptionPackNumber,
} from '../../../../contract/index.ts';
import { isApiError } from '../../api/client.ts';
import { errorText, issueText } from '../../i18n/messages.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useCan, useCurrentSession } from '../auth/session.tsx';
import { useCheckDirectQuote } from '../quotes/api.ts';
import { ConvertDirectQuoteModal } from '../quotes/ConvertDirectQuoteModal.tsx';
import { type AccountsOfEmail, AccountsOfEmailModal } from './AccountsOfEmailModal.tsx';
import { useFindCustomersByEmail, useOpenCustomer } from './api.ts';
import { EmailProofModal } from './EmailProofModal.tsx';
import { RecentAccounts } from './RecentAccounts.tsx';

function NoCustomerAccess() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  return (
    <Stack gap="md">
      <PageTitle>{t('home.welcome', { name: session.user.name })}</PageTitle>
      <Alert color="gray" variant="light" title={t('home.noAccessTitle')}>
        {t('home.noAccess', { role: t(`roles.${session.user.role}`) })}
      </Alert>
    </Stack>
  );
}

function OpenAccountCard() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canCatalog = useCan('catalog.read');
  const account = session.openAccount;
  if (!account) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('home.openAccount')}
          </Text>
          <Text fw={600}>
            {account.name} · {t('topBar.customerId', { customerId: account.customerId })}
          </Text>
        </div>
        {canCatalog ? (
          <Anchor component={Link} to="/catalog">
            {t('home.goToCatalog')}
          </Anchor>
        ) : null}
      </Group>
    </Paper>
  );
}

/** What the user may choose in "Search by"; `auto` recognises the kind from the format. */
const searchKinds = [
  'auto',
  'customerId',
  'email',
  'subscriptionPackNumber',
  'quoteNumber',
  'license',
] as const;
type SearchKind = (typeof searchKinds)[number];

/** The contract's format of each kind, to check a value the user says is of that kind. */
const formatOf: Record<Exclude<SearchKind, 'auto' | 'license'>, z.ZodType<string>> = {
  customerId: CustomerId,
  email: Email,
  subscriptionPackNumber: SubscriptionPackNumber,
  quoteNumber: QuoteNumber,
};

/** The kind and normalised value of the input, or the message that says what a valid one looks like. */
function understand(
  input: string,
  chosen: SearchKind,
): { kind: LookupKind; value: string } | { error: ReactNode } {
  const recognised = recogniseLookupInput(input);
  if (chosen === 'auto') {
    return recognised.kind === 'unknown' ? { error: null } : recognised;
  }
  if (chosen === 'license') {
    if (recognised.kind === 'licenseId' || recognised.kind === 'licenseKey') return recognised;
    const parsed = (input.includes('-') ? LicenseKey : LicenseId).safeParse(input);
    return parsed.success
      ? { kind: input.includes('-') ? 'licenseKey' : 'licenseId', value: parsed.data }
      : { error: issueText(parsed.error.issues[0] ?? { code: 'custom' }) };
  }
  const parsed = formatOf[chosen].safeParse(input);
  if (!parsed.success) return { error: issueText(parsed.error.issues[0] ?? { code: 'custom' }) };
  return { kind: chosen, value: parsed.data };
}

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
