import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useCan } from '../auth/session.tsx';
import { ConvertDirectQuoteModal } from '../quotes/ConvertDirectQuoteModal.tsx';
import { AccountsOfEmailModal } from './AccountsOfEmailModal.tsx';
import { type SearchKind, searchKinds, understand } from './customerSearch.ts';
import { EmailProofModal } from './EmailProofModal.tsx';
import { NoCustomerAccess, OpenAccountCard } from './HomeCards.tsx';
import { RecentAccounts } from './RecentAccounts.tsx';
import { useAccountLookup } from './useAccountLookup.ts';

/** The start page: one search bar that recognises what it is given (SPEC §3). */
export function HomePage() {
  const { t } = useTranslation();
  const canOpen = useCan('customers.open');
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<SearchKind>('auto');
  const lookup = useAccountLookup();
  const searchRef = useRef<HTMLInputElement>(null);
  const location = useLocation();
  const focusSearch = (location.state as { focusSearch?: boolean } | null)?.focusSearch === true;

  // After "Close account" the next step is finding the next customer.
  useEffect(() => {
    if (focusSearch && location.key) searchRef.current?.focus();
  }, [focusSearch, location.key]);

  if (!canOpen) return <NoCustomerAccess />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const understood = understand(input.trim(), chosen);
    if ('error' in understood) {
      lookup.setError(
        input.trim() === ''
          ? t('customers.search.empty')
          : (understood.error ?? t('customers.search.unknown')),
      );
      searchRef.current?.focus();
      return;
    }
    lookup.lookUp(understood.kind, understood.value);
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
              error={lookup.error}
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
              <Button type="submit" loading={lookup.busy}>
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
          lookup.lookUp('customerId', customerId);
        }}
      />
      <EmailProofModal identifier={lookup.proof} onClose={lookup.closeProof} onOpened={lookup.opened} />
      <AccountsOfEmailModal found={lookup.accounts} onClose={lookup.closeAccounts} onOpened={lookup.opened} />
      <ConvertDirectQuoteModal
        preview={lookup.directQuote}
        onClose={lookup.closeDirectQuote}
        onConverted={lookup.converted}
      />
    </Stack>
  );
}
