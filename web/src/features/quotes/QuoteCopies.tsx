import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Email, type Locale, type Quote, QuoteCopy } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { issueText } from '../../i18n/messages.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { quotePdfUrl, useEmailQuote } from './api.ts';
import { CopyChoice } from './CopyChoice.tsx';

/**
 * A copy of the quote (SPEC §7): its PDF as the customer copy or the internal copy (issue 18), a
 * print-friendly page, and (while open) a copy by email.
 */
export function QuoteCopies({ quote }: { quote: Quote }) {
  const { t, i18n } = useTranslation();
  const [emailing, setEmailing] = useState(false);
  return (
    <Group gap="xs">
      {quote.actions.order ? (
        <Button component={Link} to={`/quotes/${encodeURIComponent(quote.quoteNumber)}/checkout`}>
          {t('nav.checkout')}
        </Button>
      ) : null}
      <Button
        component="a"
        href={quotePdfUrl(quote.quoteNumber, i18n.language, 'customer')}
        download={`${quote.quoteNumber}.pdf`}
        variant="default"
      >
        {t('quoteCopy.customerPdf')}
      </Button>
      <Button
        component="a"
        href={quotePdfUrl(quote.quoteNumber, i18n.language, 'internal')}
        download={`${quote.quoteNumber}-internal.pdf`}
        variant="default"
      >
        {t('quoteCopy.internalPdf')}
      </Button>
      <Button
        component={Link}
        to={`/quotes/${encodeURIComponent(quote.quoteNumber)}/print`}
        variant="default"
      >
        {t('quoteView.print')}
      </Button>
      {quote.actions.email ? (
        <Button variant="default" onClick={() => setEmailing(true)}>
          {t('quoteView.emailCopy')}
        </Button>
      ) : null}
      {emailing ? <EmailCopyModal quote={quote} onClose={() => setEmailing(false)} /> : null}
    </Group>
  );
}

function EmailCopyModal({ quote, onClose }: { quote: Quote; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const send = useEmailQuote(quote.quoteNumber);
  const [to, setTo] = useState(quote.endUser.email);
  const [locale, setLocale] = useState<Locale>(i18n.language === 'pt-BR' ? 'pt-BR' : 'en');
  const [copy, setCopy] = useState<string>('');
  const [problem, setProblem] = useState<ReactNode>(null);
  const [copyProblem, setCopyProblem] = useState<ReactNode>(null);
  const submit = () => {
    const parsed = Email.safeParse(to);
    const issue = parsed.error?.issues[0];
    const chosen = QuoteCopy.safeParse(copy);
    if (issue) setProblem(issueText(issue));
    if (!chosen.success) setCopyProblem(t('validation.copy_required'));
    if (issue || !chosen.success) return;
    send.mutate(
      { to, locale, copy: chosen.data },
      {
        onSuccess: (sent) => {
          notifications.show({
            color: 'teal',
            message: session.features.devMailbox
              ? t('quoteView.emailSentDemo', { to: sent.sentTo })
              : t('quoteView.emailSent', { to: sent.sentTo }),
          });
          onClose();
        },
        onError: (error) => {
          if (!isHandledGlobally(error)) setProblem(errorMessage(error));
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('quoteView.emailTitle', { number: quote.quoteNumber })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('quoteView.emailIntro')}</Text>
          <TextInput
            type="email"
            label={t('quoteView.emailTo')}
            value={to}
            onChange={(event) => {
              setTo(event.currentTarget.value);
              setProblem(null);
            }}
            error={problem}
            data-autofocus
          />
          <CopyChoice
            value={copy}
            onChange={(value) => {
              setCopy(value);
              setCopyProblem(null);
            }}
            error={copyProblem}
          />
          <NativeSelect
            label={t('quoteView.emailLanguage')}
            data={[
              { value: 'en', label: 'English' },
              { value: 'pt-BR', label: 'Português (Brasil)' },
            ]}
            value={locale}
            onChange={(event) => setLocale(event.currentTarget.value === 'pt-BR' ? 'pt-BR' : 'en')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('quoteView.emailSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
