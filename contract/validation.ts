import { z } from 'zod';
import { limits } from './limits.ts';

/**
 * The rules a request can break, with their English text. A failed check carries the rule as its
 * code (`validation.<rule>` in API errors); the web app translates the code, never a field name,
 * and the server sends this text as the message. `{{name}}` marks a parameter of the error.
 */
export const validationMessages = {
  required: 'This field is required.',
  invalid_type: 'This value has the wrong type.',
  invalid: 'This value is not valid.',
  invalid_choice: 'Choose one of the allowed values.',
  unknown_field: 'Unknown field: {{name}}.',
  unexpected_body: 'This request takes no body.',
  too_long: 'At most {{max}} characters.',
  too_short: 'At least {{min}} characters.',
  too_small: 'The smallest allowed value is {{min}}.',
  too_big: 'The largest allowed value is {{max}}.',
  too_many: 'At most {{max}} items.',
  control_characters: 'Remove control characters (such as line breaks or tabs) from this field.',
  malformed_text: 'This text has a broken character (half of a UTF-16 surrogate pair): type it again.',
  format_characters:
    'Remove invisible formatting characters (such as right-to-left overrides or zero-width spaces) from this field.',
  email: 'Enter a valid email address, e.g. name@example.com.',
  customer_id: 'A Customer ID has 7 digits, e.g. 6703615.',
  quote_number: 'A quote number looks like Q-2026-000045.',
  order_number: 'An order number looks like R-2026-000017.',
  invoice_number: 'An invoice number looks like INV-2026-000031.',
  password_short: 'Choose a password of at least 12 characters.',
  nothing_to_change: 'Give at least one thing to change.',
  link_token: 'This link is not complete: open it again from the email.',
  paypal_order: 'PayPal did not return a valid approval: start again with PayPal.',
  payment_token: 'Enter the card again: the payment form did not give a valid token.',
  subscription_pack_number:
    'A subscription pack number looks like 0220/ULFQXOB: month and year, a slash, 5 to 7 letters or digits.',
  license_id: 'A License ID has 10 letters or digits, e.g. OIY94JBDUQ.',
  license_key: 'A license key begins with its License ID and a dash, e.g. OIY94JBDUQ-….',
  product_code: 'A product code is 2 to 6 upper-case letters or digits.',
  service_domain: 'Enter a domain such as acme.youtrack.cloud.',
  country: 'Choose a country from the list.',
  postal_code: 'A postal code has letters, digits, spaces and dashes only.',
  zip_code: 'Enter a ZIP code of 5 or 9 digits, e.g. 94105 or 94105-1234.',
  cep: 'Enter a CEP of 8 digits, e.g. 01310-100.',
  state_required: 'Choose the state.',
  state_us: 'Choose a US state (or DC) from the list.',
  state_br: 'Choose a UF from the list.',
  vat_id: 'A tax ID has letters, digits, spaces, dots, slashes and dashes only.',
  tax_id_cnpj: 'Enter a valid CNPJ: 14 digits whose last two are its check digits, e.g. 11.222.333/0001-81.',
  tax_id_eu_vat: "Enter a VAT number in this country's format, e.g. DE123456789.",
  tax_id_ein: 'Enter an EIN of 9 digits, e.g. 12-3456789.',
  tax_id_other: 'Check the tax ID.',
  quantity_whole: 'Enter a whole number of subscriptions.',
  quantity_min: 'Enter at least 1 subscription.',
  quantity_max: 'At most {{max}} subscriptions per line.',
  term_years: 'Choose 1 year or 2 years.',
  term_or_end: 'Choose either a term of 1 or 2 years or an end date.',
  date: 'Enter a date as YYYY-MM-DD.',
  date_range: 'Dates run from {{min}} to {{max}}.',
  date_order: 'The end date is before the start date.',
  search_too_short: 'Type at least {{min}} characters to search.',
  page_max: 'Pages go up to {{max}}: narrow the search instead.',
  idempotency_key: 'An Idempotency-Key has 1 to 255 visible ASCII characters.',
  amount_format: 'Enter an amount such as 599.90: digits, and no more decimals than the currency has.',
  price_positive: 'A price is more than zero.',
  price_max: 'At most 1,000,000.00 a seat per year: check the price.',
  price_whole_cents: 'A price is a whole number of cents (minor units).',
} as const;

export type ValidationRule = keyof typeof validationMessages;
export type RuleParams = Record<string, string | number>;

const isRule = (message: unknown): message is ValidationRule =>
  typeof message === 'string' && Object.hasOwn(validationMessages, message);

/** What a Zod issue (or the server's copy of one) says, reduced to the fields the rules need. */
export interface IssueLike {
  code: string;
  message?: string;
  path?: readonly PropertyKey[];
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  keys?: readonly string[];
}

/** Parameters every use of a rule shares, known from the limits rather than from the issue. */
const fixedParams: Partial<Record<ValidationRule, RuleParams>> = {
  date_range: { min: limits.dateMin, max: limits.dateMax },
  search_too_short: { min: limits.searchMinLength },
  page_max: { max: limits.pageMax },
};

/** The rule an issue breaks and its parameters: a rule named by the schema, else one by issue kind. */
export function ruleOf(issue: IssueLike): { rule: ValidationRule; params: RuleParams } {
  const bound = (value: unknown) =>
    typeof value === 'number' || typeof value === 'bigint' ? Number(value) : 0;
  if (isRule(issue.message)) {
    const params: RuleParams = { ...fixedParams[issue.message] };
    if (issue.code === 'too_big') params.max = bound(issue.maximum);
    if (issue.code === 'too_small') params.min = bound(issue.minimum);
    return { rule: issue.message, params };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { rule: issue.input === undefined ? 'required' : 'invalid_type', params: {} };
    case 'too_small':
      if (issue.origin === 'string')
        return bound(issue.minimum) <= 1
          ? { rule: 'required', params: {} }
          : { rule: 'too_short', params: { min: bound(issue.minimum) } };
      return { rule: 'too_small', params: { min: bound(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { rule: 'too_long', params: { max: bound(issue.maximum) } };
      if (issue.origin === 'array') return { rule: 'too_many', params: { max: bound(issue.maximum) } };
      return { rule: 'too_big', params: { max: bound(issue.maximum) } };
    case 'unrecognized_keys':
      return { rule: 'unknown_field', params: { name: (issue.keys ?? []).join(', ') } };
    case 'invalid_value':
    case 'invalid_union':
      return { rule: 'invalid_choice', params: {} };
    default:
      return { rule: 'invalid', params: {} };
  }
}

/** The field an issue concerns, as a dotted path; an unknown key names itself. */
export function fieldOf(issue: IssueLike): string | undefined {
  const path = (issue.path ?? []).map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys?.[0]) path.push(issue.keys[0]);
  return path.length > 0 ? path.join('.') : undefined;
}

/** The English text of a rule with its parameters filled in. */
export function ruleMessage(rule: ValidationRule, params: RuleParams = {}): string {
  return validationMessages[rule].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

// Control characters (C0, DEL, C1): never part of a name, an address or a search. PostgreSQL
// rejects NUL outright, and the others only hide text from the person reading it.
const controlCharacters = /\p{Cc}/u;
const noControlCharacters = (value: string) => !controlCharacters.test(value);

// Half of a surrogate pair is no character: PostgreSQL refuses it in jsonb (a 500 after the
// fact), and a PDF or an email could not show it anyway.
const wellFormed = (value: string) => value.isWellFormed();

// Invisible formatting characters (Unicode category Cf: bidi overrides and isolates, zero-width
// spaces and joiners, soft hyphens, tags) let a name printed on a PDF or in an email read as
// something else ("Acme\u202Egnp.exe"). An emoji is taken out first: a family or a profession
// emoji is joined with U+200D and a regional flag is spelled with tag characters, both legitimate.
const emoji = /\p{RGI_Emoji}/gv;
const formatCharacters = /\p{Cf}/u;
const noFormatCharacters = (value: string) => !formatCharacters.test(value.replace(emoji, ''));

/** Every string a request carries: at most `max` UTF-16 units, well formed, no control characters. */
function checkedString(max: number) {
  return z
    .string()
    .max(max)
    .refine(wellFormed, { error: 'malformed_text' })
    .refine(noControlCharacters, { error: 'control_characters' });
}

/** Text shown to other people (on PDFs, in emails, on pages): also free of invisible formatting. */
function displayString(max: number) {
  return checkedString(max).refine(noFormatCharacters, { error: 'format_characters' });
}

const trimmed = (value: string) => value.trim();
const visible = (value: string) => value.trim().length > 0;

/**
 * The one string schema of the contract: at most `max` characters, well formed, free of control
 * characters, trimmed. Every string a request carries is built from it or from the display
 * variants below (the limit shows in the OpenAPI document as `maxLength`).
 */
export function text(max: number) {
  return checkedString(max).transform(trimmed);
}

/** A required line of text: at least one visible character. */
export function requiredText(max: number) {
  return checkedString(max).refine(visible, { error: 'required' }).transform(trimmed);
}

/** An optional line of text; an empty one is the same as none. */
export function optionalText(max: number) {
  return text(max)
    .transform((value) => (value === '' ? undefined : value))
    .optional();
}

/**
 * A name, an address line or a note that other people read — on a quote or invoice PDF, in an
 * email, in the back office: as `requiredText`, and without invisible formatting characters.
 */
export function requiredDisplayText(max: number) {
  return displayString(max).refine(visible, { error: 'required' }).transform(trimmed);
}

/** An optional `requiredDisplayText`; an empty one is the same as none. */
export function optionalDisplayText(max: number) {
  return displayString(max)
    .transform(trimmed)
    .transform((value) => (value === '' ? undefined : value))
    .optional();
}

// A pasted list keeps its tabs and line breaks (they separate its items); other control characters are refused.
const controlsButSpacing = /[^\P{Cc}\t\n\r]/u;

/** Text pasted as a list (License IDs, one per line or separated by commas): tabs and new lines allowed. */
export function pastedList(max: number) {
  return z
    .string()
    .max(max)
    .refine(wellFormed, { error: 'malformed_text' })
    .refine((value) => !controlsButSpacing.test(value), { error: 'control_characters' })
    .refine(visible, { error: 'required' });
}

/** A password: taken exactly as typed (spaces count), but never with control characters. */
export function secret(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine(wellFormed, { error: 'malformed_text' })
    .refine(noControlCharacters, { error: 'control_characters' });
}

/** A value of a documented format (an identifier), upper- or lower-cased first as the format says. */
export function formatted(pattern: RegExp, rule: ValidationRule, casing?: 'upper' | 'lower') {
  return text(254)
    .transform((value) =>
      casing === 'upper' ? value.toUpperCase() : casing === 'lower' ? value.toLowerCase() : value,
    )
    .pipe(z.string().regex(pattern, { error: rule }));
}

export const Email = text(254)
  .transform((value) => value.toLowerCase())
  .pipe(z.email({ error: 'email' }));

/** An email that may be left empty (a form's blank field is no email). */
export const OptionalEmail = text(254)
  .transform((value) => (value === '' ? undefined : value.toLowerCase()))
  .pipe(z.email({ error: 'email' }).optional())
  .optional();

/** A calendar date in a filter: `YYYY-MM-DD` within the years the portal knows. */
export const FilterDate = z.iso
  .date({ error: 'date' })
  .refine((value) => value >= limits.dateMin && value <= limits.dateMax, { error: 'date_range' });

/** Page and page size of a server-paginated list, from the query string. */
export const Pagination = {
  page: z.coerce.number().int().min(1).max(limits.pageMax, { error: 'page_max' }).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
};

/**
 * The date range of a list of documents, in days of the user's calendar: `utcOffset` says where
 * those days begin (minutes east of UTC; Brasília is −180), UTC when left out.
 */
export const DateRangeFields = {
  from: FilterDate.optional(),
  to: FilterDate.optional(),
  utcOffset: z.coerce
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .optional(),
};

/** A range must not end before it starts (the message goes to `to`). */
export const datesInOrder: [
  (f: { from?: string | undefined; to?: string | undefined }) => boolean,
  { error: string; path: string[] },
] = [(f) => !f.from || !f.to || f.from <= f.to, { error: 'date_order', path: ['to'] }];

/** Free text typed into a list's search box: nothing, or enough characters to search by. */
export const SearchText = text(limits.searchMaxLength)
  .refine((value) => value.length === 0 || value.length >= limits.searchMinLength, {
    error: 'search_too_short',
  })
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** `Idempotency-Key`: one per attempt; a retry with the same key gets the first answer again. */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, { error: 'idempotency_key' })
  .meta({
    description: 'A key of your choosing, unique per attempt; a retry with it replays the first answer.',
  });
