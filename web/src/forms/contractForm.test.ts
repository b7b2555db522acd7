import type { UseFormReturnType } from '@mantine/form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreatePartnerRequest, LoginRequest } from '../../../contract/index.ts';
import { ApiRequestError } from '../api/client.ts';
import { contractResolver, FORM_ERROR, placeApiError, placeFieldErrorOr } from './contractForm.tsx';

type Login = { email: string; password: string };

describe('contractResolver', () => {
  const login = contractResolver(LoginRequest, (values: Login) => values);

  it('finds nothing wrong with a valid request', () => {
    expect(login({ email: 'ana@example.test', password: 'secret' })).toEqual({});
  });

  it('puts each issue on its field', () => {
    expect(Object.keys(login({ email: 'not an email', password: '' })).sort()).toEqual(['email', 'password']);
  });

  it('finds the field of a nested value by its dotted path', () => {
    const values = {
      name: 'Parceiro',
      country: 'BR',
      currency: 'BRL' as const,
      discountPercent: 10,
      creditTerms: false,
      admin: { email: 'nope', name: 'Chefe' },
    };
    expect(Object.keys(contractResolver(CreatePartnerRequest, (v: typeof values) => v)(values))).toEqual([
      'admin.email',
    ]);
  });

  it('sends an issue about no field of the form to the fallback field, or else to the whole form', () => {
    const schema = z.strictObject({ code: z.string().min(1) });
    const toInput = (_: { other: string }) => ({ code: '' });
    expect(Object.keys(contractResolver(schema, toInput)({ other: '' }))).toEqual([FORM_ERROR]);
    expect(Object.keys(contractResolver(schema, toInput, 'other')({ other: '' }))).toEqual(['other']);
  });
});

describe('placeApiError', () => {
  // A refused request of the API lists every problem; each goes next to its own field at once.
  const refused = new ApiRequestError(400, {
    code: 'validation.required',
    message: 'This field is required.',
    field: 'companyName',
    issues: [
      { code: 'validation.required', message: 'This field is required.', field: 'companyName' },
      { code: 'validation.zip_code', message: 'Enter a ZIP code.', field: 'postalCode' },
      { code: 'validation.unknown_field', message: 'Unknown field: x.', field: 'x' },
    ],
  });
  const formOf = (values: Record<string, unknown>) => {
    let errors: Record<string, unknown> = {};
    const form = {
      getValues: () => values,
      get errors() {
        return errors;
      },
      setErrors: (next: Record<string, unknown>) => {
        errors = next;
      },
      setFieldError: (field: string, message: unknown) => {
        errors = { ...errors, [field]: message };
      },
    };
    return form as unknown as UseFormReturnType<Record<string, unknown>, unknown>;
  };

  it('puts every issue on its field, under the prefix the form holds the request at, the rest on the form', () => {
    const form = formOf({ billingAddress: { companyName: '', postalCode: '' } });
    expect(placeApiError(form, refused, undefined, { fieldPrefix: 'billingAddress.' })).toBe(
      'billingAddress.companyName',
    );
    expect(Object.keys(form.errors).sort()).toEqual([
      FORM_ERROR,
      'billingAddress.companyName',
      'billingAddress.postalCode',
    ]);
  });

  it('hands what names no field elsewhere, once, after placing the others', () => {
    const form = formOf({ companyName: '', postalCode: '' });
    const elsewhere: unknown[] = [];
    placeFieldErrorOr(form, refused, (error) => elsewhere.push(error));
    expect(Object.keys(form.errors).sort()).toEqual(['companyName', 'postalCode']);
    expect(elsewhere.map((error) => (error as ApiRequestError).code)).toEqual(['validation.unknown_field']);
  });
});
