import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Download CSV: a link to a list's export with the filters on screen (every matching row, no
 * pages). A real link, so the browser downloads it with the session cookie and shows its progress.
 */
export function CsvDownload({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Button component="a" href={href} download variant="default">
        {t('common.downloadCsv')}
      </Button>
    </div>
  );
}
