import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  type ErrorCode,
  type IssueLike,
  isErrorCode,
  type RuleParams,
  ruleOf,
  type ValidationRule,
  validationMessages,
} from '../../../contract/index.ts';
import { ApiRequestError } from '../api/client.ts';
import en from './en.json' with { type: 'json' };
import { formatDate, formatDuration, formatInteger } from './format.ts';
// Portuguese loads with the language (index.ts); here it is checked as a type only.
import type ptBR from './pt-BR.json';

type Translate = TFunction;

// Every rule of the contract has its text in each language: a new rule is a type error here until
// it is translated.
en.validation satisfies Record<ValidationRule, string>;
type RuleTexts<Texts extends Record<ValidationRule, string>> = Texts;
export type PortugueseRuleTexts = RuleTexts<(typeof ptBR)['validation']>;

/** Errors the API client makes itself (api/client.ts), when there is no answer to read. */
export const clientErrorCodes = [
  'client.network',
  'client.invalid_response',
  'client.unexpected_status',
] as const;
type ClientErrorCode = (typeof clientErrorCodes)[number];
const isClientErrorCode = (code: string): code is ClientErrorCode =>
  (clientErrorCodes as readonly string[]).includes(code);

// Likewise every code of the contract's error catalog, and the client's own: a new code is a type
// error here until it is translated, so no user reads the server's English.
en.errors satisfies Record<ErrorCode | ClientErrorCode | 'unknown', string>;
type ErrorTexts<Texts extends Record<ErrorCode | ClientErrorCode | 'unknown', string>> = Texts;
export type PortugueseErrorTexts = ErrorTexts<(typeof ptBR)['errors']>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Parameters as the user reads them: numbers and dates in the interface language. */
export function localizedParams(params: RuleParams | undefined, locale: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'number') result[name] = formatInteger(value, locale);
    else result[name] = isoDate.test(value) ? formatDate(value, locale) : value;
  }
  return result;
}

const isRule = (rule: string): rule is ValidationRule => Object.hasOwn(validationMessages, rule);

/** The text of a broken validation rule (`validation.<rule>`), with its parameters. */
export function translateRule(
  t: Translate,
  locale: string,
  rule: ValidationRule,
  params?: RuleParams,
): string {
  return t(`validation.${rule}`, localizedParams(params, locale));
}

/** A Zod issue of a client-side parse, read the same way as the server's `validation.<rule>` errors. */
export function translateIssue(t: Translate, locale: string, issue: IssueLike): string {
  const { rule, params } = ruleOf(issue);
  return translateRule(t, locale, rule, params);
}

/** Values some error texts name in words of the interface rather than as sent. */
function wordsFor(
  t: Translate,
  error: ApiRequestError,
  values: Record<string, string>,
): Record<string, string> {
  if (error.code === 'quote.not_cancellable' && error.params?.status !== undefined) {
    return { ...values, status: t(`quoteStatus.${error.params.status}`) };
  }
  return values;
}

/** The message for any error thrown by the API client, in the current language. */
export function translateError(t: Translate, locale: string, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('errors.unknown');
  if (error.code === 'rate_limited') {
    return error.retryAfterSeconds === undefined
      ? t('errorTexts.rateLimitedLater')
      : t('errors.rate_limited', { wait: formatDuration(error.retryAfterSeconds, locale) });
  }
  const rule = error.code.startsWith('validation.') ? error.code.slice('validation.'.length) : null;
  if (rule && isRule(rule)) return translateRule(t, locale, rule, error.params);
  if (isErrorCode(error.code) || isClientErrorCode(error.code)) {
    const values = wordsFor(t, error, { ...error.context, ...localizedParams(error.params, locale) });
    return t(`errors.${error.code}`, values);
  }
  // A code a newer server added than this version of the app knows: its English text is better
  // than nothing.
  return error.message || t('errors.unknown');
}

/**
 * Errors the app handles the same way on every page (main.tsx): a form or panel shows nothing more.
 * `customer.not_open`: the page's account is no longer the one open in this session.
 */
export function isHandledGlobally(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'customer.not_open';
}

export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => translateError(t, i18n.language, error);
}
