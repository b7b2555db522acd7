import { Button, Divider, Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerAccount } from '../../../../contract/index.ts';
import { countryLabel } from '../../i18n/countries.ts';
import { errorText } from '../../i18n/messages.tsx';
import { useOpenCustomer } from './api.ts';
import { NewAccountForm } from './NewAccountForm.tsx';

export interface AccountsOfEmail {
  email: string;
  items: CustomerAccount[];
}

/**
 * SPEC §3 item 2: every account associated with the customer email; the partner picks one (it
 * opens: knowing the email was the proof), or creates a new account for the customer.
 */
export function AccountsOfEmailModal({
  found,
  onClose,
  onOpened,
}: {
  found: AccountsOfEmail | null;
  onClose: () => void;
  onOpened: (account: CustomerAccount) => void;
}) {
  const { t, i18n } = useTranslation();
  const open = useOpenCustomer();
  const [creating, setCreating] = useState(false);
  const [pickError, setPickError] = useState<React.ReactNode>(null);

  useEffect(() => {
    if (found) {
      setCreating(found.items.length === 0);
      setPickError(null);
    }
  }, [found]);

  const pick = (account: CustomerAccount) => {
    if (!found) return;
    setPickError(null);
    open.mutate(
      { identifier: { kind: 'customerId', value: account.customerId }, email: found.email },
      { onSuccess: onOpened, onError: (error) => setPickError(errorText(error)) },
    );
  };

  return (
    <Modal
      opened={found !== null}
      onClose={onClose}
      title={t('customers.byEmail.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
      centered
    >
      {found ? (
        <Stack gap="md">
          {found.items.length > 0 ? (
            <>
              <Text size="sm">
                {t('customers.byEmail.intro', { email: found.email, count: found.items.length })}
              </Text>
              <Stack gap="xs" component="ul" role="list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {found.items.map((account) => (
                  <li key={account.customerId}>
                    <UnstyledButton
                      onClick={() => pick(account)}
                      disabled={open.isPending}
                      p="sm"
                      w="100%"
                      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}
                    >
                      <Text fw={600}>{account.name}</Text>
                      <Text size="sm" c="dimmed">
                        {t('topBar.customerId', { customerId: account.customerId })} ·{' '}
                        {countryLabel(account.country, i18n.language)}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
              {pickError ? (
                <Text c="red" size="sm" role="alert">
                  {pickError}
                </Text>
              ) : null}
            </>
          ) : (
            <Text size="sm">{t('customers.byEmail.none', { email: found.email })}</Text>
          )}
          <Divider />
          {creating ? (
            <NewAccountForm
              email={found.email}
              onCreated={onOpened}
              onCancel={() => setCreating(false)}
              canCancel={found.items.length > 0}
            />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setCreating(true)}>
                {t('customers.create.start')}
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Modal>
  );
}
