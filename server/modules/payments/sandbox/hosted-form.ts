import { readFileSync } from 'node:fs';
import type { Locale } from '../../../../contract/catalog.ts';
import { escapeHtml } from '../../mail/templates.ts';

const file = (name: string) => readFileSync(new URL(`./hosted-form/${name}`, import.meta.url), 'utf8');
export const hostedFormAssets = { js: file('form.js'), css: file('form.css') };
const template = file('form.html');

const texts = {
  en: {
    title: 'Card payment',
    provider: 'Sandbox payments · test cards only',
    number: 'Card number',
    expiry: 'Expiry (MM/YY)',
    expiryPlaceholder: 'MM/YY',
    cvc: 'Security code (CVC)',
    submit: 'Use this card',
    challengeTitle: 'Confirm the payment with your bank',
    challengeText: 'Your bank asks you to approve this payment (a test of the 3-D Secure step).',
    approve: 'Approve',
    reject: 'Reject',
    accepted: 'Card accepted',
    unreachable: 'The payment service could not be reached. Try again.',
    errors: {
      'sandbox.card_number': 'Check the card number.',
      'sandbox.expiry': 'Check the expiry date.',
      'sandbox.cvc': 'Check the security code.',
    },
  },
  'pt-BR': {
    title: 'Pagamento com cartão',
    provider: 'Pagamentos de teste · somente cartões de teste',
    number: 'Número do cartão',
    expiry: 'Validade (MM/AA)',
    expiryPlaceholder: 'MM/AA',
    cvc: 'Código de segurança (CVC)',
    submit: 'Usar este cartão',
    challengeTitle: 'Confirme o pagamento com o seu banco',
    challengeText: 'O seu banco pede que você aprove este pagamento (um teste da etapa 3-D Secure).',
    approve: 'Aprovar',
    reject: 'Recusar',
    accepted: 'Cartão aceito',
    unreachable: 'Não foi possível falar com o serviço de pagamento. Tente de novo.',
    errors: {
      'sandbox.card_number': 'Verifique o número do cartão.',
      'sandbox.expiry': 'Verifique a validade.',
      'sandbox.cvc': 'Verifique o código de segurança.',
    },
  },
} satisfies Record<Locale, unknown>;

/** The sandbox provider's hosted card form, in the portal's language. */
export function hostedFormPage(locale: Locale): string {
  const t = texts[locale];
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(t).filter(([, v]) => typeof v === 'string')),
    textJson: JSON.stringify({ accepted: t.accepted, unreachable: t.unreachable, errors: t.errors }),
  } as Record<string, string>;
  return template
    .replace('<html lang="en"', `<html lang="${locale}"`)
    .replace(/\{\{(\w+)\}\}/g, (_m, name: string) => escapeHtml(values[name] ?? ''));
}
