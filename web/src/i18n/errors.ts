import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiRequestError } from '../api/client.ts';
import { formatDuration } from './format.ts';

type Translate = TFunction;

/**
 * The rule a validation problem breaks, as a key under `validation.*`. Client-side Zod issues and
 * the server's `validation.<kind>` errors use the same rules, so both read the same in every language.
 */
function ruleFor(field: string, kind: string): string | null {
  const last = field.split('.').pop() ?? field;
  switch (kind) {
    case 'too_small':
    case 'required':
    case 'missing':
      return last === 'quantity' ? 'quantityMin' : 'required';
    case 'too_big':
    case 'too_long':
      return last === 'quantity' ? 'quantityMax' : 'tooLong';
    case 'invalid_type':
    case 'invalid_format':
    case 'invalid_string':
    case 'invalid_value':
    case 'invalid_union':
    case 'custom':
    case 'invalid':
    case 'format':
    case 'pattern':
      if (last === 'quantity') return 'quantityWhole';
      if (last === 'email') return 'email';
      if (last === 'country') return 'country';
      if (last === 'postalCode') return 'postalCode';
      if (last === 'vatId') return 'vatId';
      if (last === 'customerId') return 'customerId';
      if (last === 'serviceDomain') return 'serviceDomain';
      if (last === 'productCode') return 'productCode';
      if (last === 'termYears') return 'termYears';
      return kind === 'invalid_type' ? 'required' : null;
    default:
      return null;
  }
}

function ruleMessage(t: Translate, field: string, kind: string, max: number | undefined): string | null {
  const rule = ruleFor(field, kind);
  if (!rule) return null;
  if (rule === 'tooLong') return max === undefined ? null : t('validation.tooLong', { max });
  return t(`validation.${rule}`);
}

/** The message for any error thrown by the API client, in the current language. */
export function translateError(t: Translate, locale: string, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('errors.unknown');
  if (error.code === 'rate_limited') {
    return error.retryAfterSeconds === undefined
      ? t('errorTexts.rateLimitedLater')
      : t('errors.rate_limited', { wait: formatDuration(error.retryAfterSeconds, locale) });
  }
  if (error.code.startsWith('validation.') && error.field) {
    const message = ruleMessage(t, error.field, error.code.slice('validation.'.length), undefined);
    if (message) return message;
  }
  const key = `errors.${error.code}`;
  const translated = t(key, { ...error.context, defaultValue: '' });
  if (translated && translated !== key && typeof translated === 'string') return translated;
  return error.message || t('errors.unknown');
}

/**
 * Errors the app handles the same way on every page (main.tsx): a form or panel shows nothing more.
 * `customer.not_open`: the page's account is no longer the one open in this session.
 */
export function isHandledGlobally(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'customer.not_open';
}

/** Field → message for the issues of a failed client-side Zod parse (path joined with dots). */
export function zodFieldErrors(t: Translate, error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (result[field]) continue;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
    result[field] = ruleMessage(t, field, issue.code, max) ?? issue.message;
  }
  return result;
}

/** Splits an API error into a message for one of the form's fields, or one for the whole form. */
export function placeApiError(
  t: Translate,
  locale: string,
  error: unknown,
  fields: readonly string[],
): { fieldErrors: Record<string, string>; formError: string | null } {
  const message = translateError(t, locale, error);
  if (error instanceof ApiRequestError && error.field && fields.includes(error.field)) {
    return { fieldErrors: { [error.field]: message }, formError: null };
  }
  return { fieldErrors: {}, formError: message };
}

export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => translateError(t, i18n.language, error);
}
