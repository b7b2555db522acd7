import { useTranslation } from 'react-i18next';
import { useLogin } from './api.ts';
import { PasswordLoginForm } from './PasswordLoginForm.tsx';

/**
 * The portal's login. It does not navigate itself: once the session is in the query cache, App's
 * /login route goes on to the page that was asked for (RedirectAfterLogin). A second navigation
 * from here raced that update: rendered before the session had reached App, the page asked for
 * looked logged out, was sent back to /login and shown again, its title losing the focus.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  return <PasswordLoginForm title={t('auth.title')} login={login} />;
}
