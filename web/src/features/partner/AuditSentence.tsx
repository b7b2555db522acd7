import { Anchor, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { AuditEntry } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { sentenceOf } from './audit-sentence.ts';

/**
 * One audit entry as a sentence in the reader's language, names instead of ids, its subject a
 * link where the partner may open it ("Ana placed order R-2026-000105 for Globex Ltda — $181.34").
 */
export function AuditSentence({ entry }: { entry: z.output<typeof AuditEntry> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { key, values } = sentenceOf(entry, t, format.money);
  const link = entry.subject.link;
  return (
    <Text size="sm">
      <Trans
        i18nKey={key}
        values={values}
        count={typeof values.count === 'number' ? values.count : undefined}
        components={{
          subject: link ? <Anchor component={Link} to={link} size="sm" fw={600} /> : <Text span fw={600} />,
        }}
      />
    </Text>
  );
}
