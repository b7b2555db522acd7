import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type {
  AccountIdentifier,
  CustomerAccount,
  DirectQuotePreview,
  LookupKind,
  Quote,
} from '../../../../contract/index.ts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../i18n/messages.tsx';
import { useCheckDirectQuote } from '../quotes/api.ts';
import type { AccountsOfEmail } from './AccountsOfEmailModal.tsx';
import { useFindCustomersByEmail, useOpenCustomer } from './api.ts';

/**
 * What the search bar does with what it understood: an email lists its accounts, a quote number
 * is checked for conversion, any other identifier opens the account (or asks for the email proof).
 * The pop-ups each step may need are driven by `proof`, `accounts` and `directQuote`.
 */
export function useAccountLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<ReactNode>(null);
  const [proof, setProof] = useState<AccountIdentifier | null>(null);
  const [accounts, setAccounts] = useState<AccountsOfEmail | null>(null);
  const [directQuote, setDirectQuote] = useState<DirectQuotePreview | null>(null);
  const open = useOpenCustomer();
  const findByEmail = useFindCustomersByEmail();
  const checkDirect = useCheckDirectQuote();

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

  return {
    lookUp,
    busy: open.isPending || findByEmail.isPending || checkDirect.isPending,
    error,
    setError,
    opened,
    converted,
    proof,
    closeProof: () => setProof(null),
    accounts,
    closeAccounts: () => setAccounts(null),
    directQuote,
    closeDirectQuote: () => setDirectQuote(null),
  };
}
