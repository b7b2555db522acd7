import type { Locale } from '../../../../contract/catalog.ts';
import { formatMoney } from '../../../lib/formatting.ts';
import { escapeHtml } from '../../mail/templates.ts';
import type { SandboxApproval } from './sandbox-store.ts';

const texts = {
  en: {
    title: 'PayPal (sandbox)',
    provider: 'Sandbox PayPal · test accounts only',
    pay: (amount: string, quote: string) => `Pay ${amount} for quote ${quote}`,
    store: 'Let the Partner Portal charge this PayPal account for your future orders',
    email: 'PayPal account email',
    approve: 'Approve',
    cancel: 'Cancel and return',
    done: 'This approval is already answered.',
    badEmail: 'Enter the email of a PayPal account.',
  },
  'pt-BR': {
    title: 'PayPal (teste)',
    provider: 'PayPal de teste · somente contas de teste',
    pay: (amount: string, quote: string) => `Pagar ${amount} pela cotação ${quote}`,
    store: 'Permitir que o Partner Portal cobre esta conta PayPal nos seus próximos pedidos',
    email: 'E-mail da conta PayPal',
    approve: 'Aprovar',
    cancel: 'Cancelar e voltar',
    done: 'Esta aprovação já foi respondida.',
    badEmail: 'Informe o e-mail de uma conta PayPal.',
  },
} satisfies Record<Locale, unknown>;

export const sandboxPayPalTexts = texts;

const style = `body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#1f2328;background:#f5f7fa}
main{max-width:440px;margin:48px auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:24px}
h1{font-size:22px;margin:0 0 4px;color:#003087}.provider{margin:0 0 16px;font-size:13px;color:#5f6670}
label{display:block;font-weight:bold;margin:16px 0 4px}input{box-sizing:border-box;width:100%;padding:8px;font-size:15px;border:1px solid #8a9099;border-radius:4px}
.error{color:#b3261e}.actions{display:flex;gap:12px;margin-top:20px}
button{font-size:15px;padding:10px 18px;border-radius:20px;border:1px solid #003087;cursor:pointer}
button[value=approve]{background:#003087;color:#fff}button[value=cancel]{background:#fff;color:#003087}`;

/**
 * The sandbox's stand-in for PayPal's approval pages: the buyer sees what they approve (a payment
 * and its amount, or storing the account) and approves or cancels; a plain form, as the buyer may
 * land here from any page.
 */
export function sandboxPayPalPage(
  approval: SandboxApproval,
  locale: Locale,
  options: { email?: string; error?: boolean } = {},
): string {
  const t = texts[locale];
  const what =
    approval.kind === 'order' && approval.amountMinor !== null && approval.currency
      ? t.pay(formatMoney(approval.amountMinor, approval.currency, locale), approval.reference ?? '')
      : t.store;
  const body =
    approval.status === 'created'
      ? `<form method="post">
<input type="hidden" name="locale" value="${escapeHtml(locale)}">
<label for="email">${escapeHtml(t.email)}</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(options.email ?? 'buyer@paypal.sandbox.test')}"${options.error ? ' aria-invalid="true" aria-describedby="email-error"' : ''}>
${options.error ? `<p id="email-error" class="error" role="alert">${escapeHtml(t.badEmail)}</p>` : ''}
<div class="actions">
<button type="submit" name="decision" value="approve">${escapeHtml(t.approve)}</button>
<button type="submit" name="decision" value="cancel" formnovalidate>${escapeHtml(t.cancel)}</button>
</div>
</form>`
      : `<p role="status">${escapeHtml(t.done)}</p>`;
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title><style>${style}</style></head>
<body><main>
<h1>${escapeHtml(t.title)}</h1>
<p class="provider">${escapeHtml(t.provider)}</p>
<p>${escapeHtml(what)}</p>
${body}
</main></body></html>`;
}
