import { Button, Center, Paper, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEventHandler, ReactNode } from 'react';
import { PublicLayout } from '../ui/Layout.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { FormErrorAlert } from './contractForm.tsx';

/**
 * The card of every sign-in (a partner's login, the vendor staff's login, a customer's account
 * admin asking for a link): a title, what the page says first, the form's own error, the fields and
 * one full-width submit button, centred on the page.
 */
export function SignInForm<Values extends Record<string, unknown>>({
  form,
  onSubmit,
  title,
  titleTakesFocus = true,
  intro,
  children,
  submitLabel,
  pending,
  actions,
  below,
  width = 400,
  publicLayout = true,
}: {
  form: UseFormReturnType<Values, unknown>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  title: ReactNode;
  /** False where the first field takes the focus instead of the title. */
  titleTakesFocus?: boolean;
  /** Between the title and the form's error. */
  intro?: ReactNode;
  /** The fields. */
  children: ReactNode;
  submitLabel: ReactNode;
  pending: boolean;
  /** Under the submit button, in the form. */
  actions?: ReactNode;
  /** In the card, under the form. */
  below?: ReactNode;
  width?: number;
  /** Under the portal's public header (partner, account admin), or alone on the page (back office). */
  publicLayout?: boolean;
}) {
  const card = (
    <Center mih={publicLayout ? 'calc(100dvh - 120px)' : '100dvh'}>
      <Paper withBorder shadow="sm" p="xl" radius="md" w={width} maw="100%">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <PageTitle size="h3" takeFocus={titleTakesFocus}>
              {title}
            </PageTitle>
            {intro}
            <FormErrorAlert form={form} />
            {children}
            <Button type="submit" loading={pending} fullWidth>
              {submitLabel}
            </Button>
            {actions}
          </Stack>
        </form>
        {below}
      </Paper>
    </Center>
  );
  return publicLayout ? <PublicLayout>{card}</PublicLayout> : card;
}
