import { Alert } from '@mantine/core';
import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { fieldOf } from '../../../contract/index.ts';
import { ApiRequestError } from '../api/client.ts';
import { isHandledGlobally } from '../i18n/errors.ts';
import { errorText, issueText } from '../i18n/messages.tsx';

/** The key, among a form's errors, of a message about the whole form rather than one field. */
export const FORM_ERROR = '$form';

type FormValues = Record<string, unknown>;

/** Whether `path` (dotted, as in Zod issues and API errors) names one of the form's values. */
function hasPath(values: unknown, path: string): boolean {
  let current = values;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return false;
    current = (current as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Validates a form with a schema of the contract: `safeParse` of the request the values would
 * send, each issue translated as the server's `validation.<rule>` error would be, on its field (the
 * first issue per field). An issue about something the form has no field for goes to
 * `fallbackField`, or else to the whole form (FORM_ERROR).
 */
export function contractResolver<Values extends FormValues>(
  schema: z.ZodType,
  toInput: (values: Values) => unknown,
  fallbackField?: string,
): (values: Values) => FormErrors {
  return (values) => {
    const parsed = schema.safeParse(toInput(values));
    if (parsed.success) return {};
    const errors: FormErrors = {};
    for (const issue of parsed.error.issues) {
      const path = fieldOf(issue);
      const field = path && hasPath(values, path) ? path : (fallbackField ?? FORM_ERROR);
      errors[field] ??= issueText(issue);
    }
    return errors;
  };
}

/**
 * A Mantine form checked by a contract schema; on submit the handler gets the parsed request
 * (trimmed, upper-cased… as the schema transforms it). `refine` adds a form's own messages, which
 * win over the schema's for the same field.
 */
export function useContractForm<Values extends FormValues, Schema extends z.ZodType>(options: {
  schema: Schema;
  initialValues: Values;
  /** The request the values would send, before the schema checks and transforms it. */
  toInput: (values: Values) => unknown;
  refine?: (values: Values) => Record<string, ReactNode>;
  fallbackField?: string;
  onValuesChange?: (values: Values, previous: Values) => void;
}): UseFormReturnType<Values, z.output<Schema>> {
  const { schema, toInput, refine, fallbackField } = options;
  const resolve = contractResolver(schema, toInput, fallbackField);
  return useForm<Values, z.output<Schema>>({
    mode: 'controlled',
    initialValues: options.initialValues,
    onValuesChange: options.onValuesChange,
    validate: (values) => {
      const errors = resolve(values);
      for (const [field, message] of Object.entries(refine?.(values) ?? {})) {
        if (message) errors[field] = message;
      }
      return errors;
    },
    // Only called once validation has passed, so the parse succeeds.
    transformValues: (values) => schema.parse(toInput(values)),
  });
}

/**
 * Where each problem of an API error goes on a form: the field it names when the form has that
 * field (`fieldPrefix` first, for a form that holds the request under a key), else nowhere (null).
 * A refused request (400) lists every problem at once, so every field shows its own at once.
 */
function fieldsOf<Values extends FormValues>(
  form: UseFormReturnType<Values, unknown>,
  error: ApiRequestError,
  fieldPrefix: string,
): { field: string | null; error: ApiRequestError }[] {
  const values = form.getValues();
  return error.eachIssue().map((one) => {
    const named = one.field === undefined ? undefined : `${fieldPrefix}${one.field}`;
    return { field: named && hasPath(values, named) ? named : null, error: one };
  });
}

/**
 * Shows an error of the API where it belongs: each of its problems next to the field it names when
 * the form has that field, the others (the first of them) on `fallbackField`, else as the form's
 * message. Errors the app handles on every page (isHandledGlobally) are left to it. Returns where
 * the first message went (null: nowhere).
 */
export function placeApiError<Values extends FormValues>(
  form: UseFormReturnType<Values, unknown>,
  error: unknown,
  fallbackField?: string,
  options: { fieldPrefix?: string } = {},
): string | null {
  if (isHandledGlobally(error)) return null;
  const elsewhere = fallbackField ?? FORM_ERROR;
  if (!(error instanceof ApiRequestError)) {
    form.setFieldError(elsewhere, errorText(error));
    return elsewhere;
  }
  const errors: FormErrors = {};
  let first: string | null = null;
  for (const { field, error: one } of fieldsOf(form, error, options.fieldPrefix ?? '')) {
    const place = field ?? elsewhere;
    errors[place] ??= errorText(one);
    first ??= place;
  }
  form.setErrors({ ...form.errors, ...errors });
  return first;
}

/**
 * Like placeApiError, for forms that tell other errors elsewhere (the back office's notifications):
 * each problem naming one of the form's fields goes next to it; if any names none, the error is
 * also handed to `elsewhere`.
 */
export function placeFieldErrorOr<Values extends FormValues>(
  form: UseFormReturnType<Values, unknown>,
  error: unknown,
  elsewhere: (error: unknown) => void,
): void {
  if (isHandledGlobally(error)) return;
  if (!(error instanceof ApiRequestError)) {
    elsewhere(error);
    return;
  }
  const errors: FormErrors = {};
  let unplaced: ApiRequestError | undefined;
  for (const { field, error: one } of fieldsOf(form, error, '')) {
    if (field) errors[field] ??= errorText(one);
    else unplaced ??= one;
  }
  form.setErrors({ ...form.errors, ...errors });
  if (unplaced) elsewhere(unplaced);
}

/** The form's own message (FORM_ERROR), if it has one. */
export function FormErrorAlert<Values extends FormValues>({
  form,
}: {
  form: UseFormReturnType<Values, unknown>;
}) {
  const message = form.errors[FORM_ERROR];
  return message ? (
    <Alert color="red" variant="light">
      {message}
    </Alert>
  ) : null;
}

/** Puts the focus in the first field that shows an error, once the errors are on screen. */
export function focusFirstError(container: HTMLElement | null): void {
  requestAnimationFrame(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
