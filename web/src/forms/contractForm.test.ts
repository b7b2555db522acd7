import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreatePartnerRequest, LoginRequest } from '../../../contract/index.ts';
import { contractResolver, FORM_ERROR } from './contractForm.tsx';

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
