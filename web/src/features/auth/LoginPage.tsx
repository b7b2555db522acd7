import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useLogin } from './api.ts';
import { safeNextPath } from './next.ts';
import { PasswordLoginForm } from './PasswordLoginForm.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const login = useLogin();
  return (
    <PasswordLoginForm
      title={t('auth.title')}
      login={login}
      // Back to the page that was asked for before logging in (or where the session ended).
      onLoggedIn={() => void navigate(safeNextPath(searchParams.get('next')) ?? '/', { replace: true })}
    />
  );
}
