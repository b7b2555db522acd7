import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PasswordLoginForm } from '../auth/PasswordLoginForm.tsx';
import { useStaffLogin } from './api.ts';

/** The vendor staff's own sign-in, on a page of its own; on success, the back office's invoices. */
export function StaffLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useStaffLogin();
  return (
    <PasswordLoginForm
      title={t('backOffice.loginTitle')}
      login={login}
      onLoggedIn={() => void navigate('/admin/invoices', { replace: true })}
      publicLayout={false}
    />
  );
}
