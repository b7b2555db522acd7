import { useTranslation } from 'react-i18next';

/**
 * The red warning triangle with an exclamation mark (SPEC §11): some unpaid invoice is past due.
 * An image with its own name, so screen readers say it with the tab.
 */
export function OverdueMark({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <svg
      role="img"
      aria-label={t('invoices.overdueWarning', { count })}
      width="16"
      height="16"
      viewBox="0 0 24 24"
      style={{ marginLeft: 6, verticalAlign: 'text-bottom' }}
    >
      <title>{t('invoices.overdueWarning', { count })}</title>
      <path d="M12 2 1 21h22L12 2z" fill="#c92a2a" />
      <rect x="11" y="9" width="2" height="6" fill="#ffffff" />
      <rect x="11" y="17" width="2" height="2" fill="#ffffff" />
    </svg>
  );
}
