import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { recogniseLookupInput } from '../../../../contract/index.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useCan, useCurrentSession } from '../auth/session.tsx';
import { OpenByIdModal } from './OpenByIdModal.tsx';

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

/** The start page: one search bar that recognises what it is given (SPEC §3). */
export function HomePage() {
  const { t } = useTranslation();
  const canOpen = useCan('customers.open');
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [customerId, setCustomerId] = useState<string | null>(null);
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
    const { kind, value } = recogniseLookupInput(input);
    if (kind === 'customerId') {
      setError(null);
      setCustomerId(value);
    } else if (kind === 'unknown') {
      setError(value === '' ? t('customers.search.empty') : t('customers.search.unknown'));
    } else {
      setError(t('customers.search.notAvailable', { kind: t(`customers.kinds.${kind}`) }));
    }
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
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <TextInput
              ref={searchRef}
              label={t('customers.search.label')}
              placeholder={t('customers.search.placeholder')}
              value={input}
              onChange={(event) => setInput(event.currentTarget.value)}
              error={error}
              autoComplete="off"
              flex={1}
            />
            <Button type="submit" mt={22}>
              {t('customers.search.submit')}
            </Button>
          </Group>
        </form>
      </search>
      <OpenAccountCard />
      <OpenByIdModal customerId={customerId} onClose={() => setCustomerId(null)} />
    </Stack>
  );
}
