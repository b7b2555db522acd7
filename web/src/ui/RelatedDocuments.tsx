import { Anchor, List, Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RelatedDocument } from '../../../contract/index.ts';

/**
 * The documents tied to the one shown (issue 18): the order's quote, the order, its invoice, the
 * credit note, each a link. The server lists only those the user may open; none, no block.
 */
export function RelatedDocuments({ documents }: { documents: RelatedDocument[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="related-heading">
      <Title order={2} size="h5" id="related-heading">
        {t('related.title')}
      </Title>
      <List mt={6} listStyleType="none" spacing={4}>
        {documents.map((doc) => {
          const label = t(`related.kind.${doc.kind}`, { number: doc.number });
          return (
            <List.Item key={`${doc.kind}-${doc.number}`}>
              {/* The credit note is a PDF from the API, not a page of the app. */}
              {doc.link.startsWith('/api/') ? (
                <Anchor href={doc.link} size="sm">
                  {label}
                </Anchor>
              ) : (
                <Anchor component={Link} to={doc.link} size="sm">
                  {label}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
