import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueLike } from '../../../contract/index.ts';
import { localizedParams, translateError, translateIssue } from './errors.ts';

/**
 * A message translated when it is shown rather than when it was made: an error already on screen
 * (next to a field, in a form) follows a change of language like the rest of the page.
 */
function Localized({ text }: { text: (t: TFunction, locale: string) => string }) {
  const { t, i18n } = useTranslation();
  return text(t, i18n.language);
}

/** An error thrown by the API client, as the user reads it. */
export function errorText(error: unknown): ReactNode {
  return <Localized text={(t, locale) => translateError(t, locale, error)} />;
}

/** A Zod issue of a client-side check, in the same words as the server's `validation.<rule>`. */
export function issueText(issue: IssueLike): ReactNode {
  return <Localized text={(t, locale) => translateIssue(t, locale, issue)} />;
}

/** A text of the interface by key (numbers and dates in it formatted), e.g. a message only one form gives. */
export function keyText(key: string, values?: Record<string, string | number>): ReactNode {
  return <Localized text={(t, locale) => t(key, localizedParams(values, locale))} />;
}
