import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteSummary } from '../../../../contract/index.ts';

const colors: Record<QuoteSummary['status'], string> = {
  open: 'blue',
  ordering: 'yellow',
  expired: 'gray',
  cancelled: 'red',
  converted: 'violet',
  ordered: 'green',
};

export function QuoteStatusBadge({ status }: { status: QuoteSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light">
      {t(`quoteStatus.${status}`)}
    </Badge>
  );
}
