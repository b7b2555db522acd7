import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginRequest } from '../../../../contract/index.ts';
import { isApiError } from '../../api/client.ts';
import { placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { SignInForm } from '../../forms/SignInForm.tsx';
import { errorText } from '../../i18n/messages.tsx';

type Values = { email: string; password: string };

/** A login mutation of either kind: a partner's user or a vendor staff member (the same request). */
interface LoginMutation {
  mutate: (body: LoginRequest, options: { onSuccess: () => void; onError: (error: Error) => void }) => void;
  isPending: boolean;
}

/** Email and password, checked by the contract's LoginRequest; the email field takes the focus. */
export function PasswordLoginForm({
  title,
  login,
  onLoggedIn,
  publicLayout,
}: {
  title: ReactNode;
  login: LoginMutation;
  /** Where to go once logged in; none where the new session itself moves the page on. */
  onLoggedIn?: () => void;
  publicLayout?: boolean;
}) {
  const { t } = useTranslation();
  const form = useContractForm({
    schema: LoginRequest,
    initialValues: { email: '', password: '' } satisfies Values,
    toInput: (values: Values) => values,
  });
  const submit = form.onSubmit((body) =>
    login.mutate(body, {
      onSuccess: () => onLoggedIn?.(),
      onError: (error) => {
        // Wrong credentials (the server names the password) and rate limiting are told under it.
        if (isApiError(error, 'rate_limited')) form.setFieldError('password', errorText(error));
        else placeApiError(form, error);
      },
    }),
  );
  return (
    <SignInForm
      form={form}
      onSubmit={submit}
      title={title}
      titleTakesFocus={false}
      submitLabel={t('auth.submit')}
      pending={login.isPending}
      publicLayout={publicLayout}
    >
      <TextInput
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        {...form.getInputProps('email')}
        autoFocus
      />
      <TextInput
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        {...form.getInputProps('password')}
      />
    </SignInForm>
  );
}
