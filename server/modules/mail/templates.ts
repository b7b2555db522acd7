import type { Locale } from '../../../contract/catalog.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Role } from '../../../contract/permissions.ts';
import type { QuoteDocument } from '../../db/documents/quote-document.ts';
import { fill } from '../../lib/fill.ts';
import { formatDate, formatMoney } from '../../lib/formatting.ts';

/** The texts of the portal's emails, in both languages of the interface. */
export const mailMessages = {
  en: {
    quoteSubject: 'Quote {number} from {partner}',
    quoteGreeting: 'Hello,',
    quoteIntro: '{partner} has prepared quote {number} for {customer} (Customer ID {customerId}).',
    quoteTotal: 'Total: {total}, valid until {validUntil}.',
    quotePdf: 'The quote is attached as a PDF; it can be used as the basis of a purchase order.',
    quoteLink: 'Open the quote in Partner Portal',
    footer: 'Sent by Partner Portal for {partner}.',
    orderSubject: 'Order {number} placed for {customer}',
    orderIntro: 'Order {number} for {customer} has been placed: {total}.',
    orderNext: 'From the order page in Partner Portal you send the activation email to the end users.',
    orderLink: 'Open the order in Partner Portal',
    activationSubject: 'Your licenses from {partner}',
    activationIntro:
      '{partner} has ordered these licenses for {customer} (order {number}). Activate each product with its license key:',
    activationLine: '{product}: License ID {licenseId}, key {key}',
    inviteSubject: '{inviter} invited you to Partner Portal for {partner}',
    inviteIntro:
      '{inviter} invited you, {name}, to work in Partner Portal for {partner} as {role}. Choose your password with the link below; it works once, for 7 days.',
    inviteLink: 'Set your password',
    adminLinkSubject: 'Sign in to manage {account} (Customer ID {customerId})',
    adminLinkIntro:
      'Someone asked to manage which partners may buy for {account} (Customer ID {customerId}). If it was you, sign in with the link below: it works once, for one hour. If not, ignore this email.',
    adminLinkLabel: 'Sign in to the account',
    adminFooter: 'Sent by Partner Portal.',
  },
  'pt-BR': {
    quoteSubject: 'Orçamento {number} de {partner}',
    quoteGreeting: 'Olá,',
    quoteIntro: '{partner} preparou o orçamento {number} para {customer} (ID do cliente {customerId}).',
    quoteTotal: 'Total: {total}, válido até {validUntil}.',
    quotePdf: 'O orçamento segue em anexo em PDF; ele pode servir de base para uma ordem de compra.',
    quoteLink: 'Abrir o orçamento no Partner Portal',
    footer: 'Enviado pelo Partner Portal para {partner}.',
    orderSubject: 'Pedido {number} feito para {customer}',
    orderIntro: 'O pedido {number} para {customer} foi feito: {total}.',
    orderNext: 'Na página do pedido no Partner Portal, você envia o e-mail de ativação aos usuários finais.',
    orderLink: 'Abrir o pedido no Partner Portal',
    activationSubject: 'Suas licenças de {partner}',
    activationIntro:
      '{partner} pediu estas licenças para {customer} (pedido {number}). Ative cada produto com a sua chave de licença:',
    activationLine: '{product}: ID da licença {licenseId}, chave {key}',
    inviteSubject: '{inviter} convidou você para o Partner Portal de {partner}',
    inviteIntro:
      '{inviter} convidou você, {name}, para trabalhar no Partner Portal de {partner} como {role}. Escolha a sua senha pelo link abaixo; ele funciona uma vez, por 7 dias.',
    inviteLink: 'Definir a sua senha',
    adminLinkSubject: 'Entre para gerenciar {account} (ID do cliente {customerId})',
    adminLinkIntro:
      'Alguém pediu para gerenciar quais parceiros podem comprar para {account} (ID do cliente {customerId}). Se foi você, entre pelo link abaixo: ele funciona uma vez, por uma hora. Se não foi, ignore este e-mail.',
    adminLinkLabel: 'Entrar na conta',
    adminFooter: 'Enviado pelo Partner Portal.',
  },
} satisfies Record<Locale, Record<string, string>>;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Paragraphs and a link (if any) as an email: HTML with inline styles, and the same as plain text. */
function layout(options: { paragraphs: string[]; link?: { href: string; label: string }; footer: string }): {
  text: string;
  html: string;
} {
  const link = options.link;
  const text = [
    ...options.paragraphs,
    ...(link ? [`${link.label}: ${link.href}`] : []),
    '',
    options.footer,
  ].join('\n\n');
  const html = `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<table role="presentation" width="100%" style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:6px;padding:24px">
<tr><td>
${options.paragraphs.map((p) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${link ? `<p style="margin:24px 0"><a href="${escapeHtml(link.href)}" style="background:#3b4bc4;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">${escapeHtml(link.label)}</a></p>` : ''}
<p style="margin:24px 0 0;font-size:12px;color:#5f6670">${escapeHtml(options.footer)}</p>
</td></tr></table>
</body></html>`;
  return { text, html };
}

/** The email that carries a quote's PDF, to the licensee or whoever the partner names. */
export function quoteEmail(input: {
  locale: Locale;
  partnerName: string;
  quote: QuoteDocument;
  publicUrl: string;
}): RenderedEmail {
  const m = mailMessages[input.locale];
  const q = input.quote;
  const values = {
    partner: input.partnerName,
    number: q.quoteNumber,
    customer: q.customer.name,
    customerId: q.customer.customerId,
    total: formatMoney(q.totals.totalMinor, q.currency, input.locale),
    validUntil: formatDate(q.validUntil, input.locale),
  };
  return {
    subject: fill(m.quoteSubject, values),
    ...layout({
      paragraphs: [m.quoteGreeting, fill(m.quoteIntro, values), fill(m.quoteTotal, values), m.quotePdf],
      link: { href: `${input.publicUrl}/quotes/${encodeURIComponent(q.quoteNumber)}`, label: m.quoteLink },
      footer: fill(m.footer, values),
    }),
  };
}

/** To the partner user who placed an order (SPEC §8): what was ordered, and the way back to it. */
export function orderPlacedEmail(input: {
  locale: Locale;
  partnerName: string;
  orderNumber: string;
  customerName: string;
  total: { minor: number; currency: Currency };
  publicUrl: string;
}): RenderedEmail {
  const m = mailMessages[input.locale];
  const values = {
    partner: input.partnerName,
    number: input.orderNumber,
    customer: input.customerName,
    total: formatMoney(input.total.minor, input.total.currency, input.locale),
  };
  return {
    subject: fill(m.orderSubject, values),
    ...layout({
      paragraphs: [m.quoteGreeting, fill(m.orderIntro, values), m.orderNext],
      link: {
        href: `${input.publicUrl}/orders/${encodeURIComponent(input.orderNumber)}`,
        label: m.orderLink,
      },
      footer: fill(m.footer, values),
    }),
  };
}

/** The activation email (SPEC §8): to the licensee, each license with its key. */
export function activationEmail(input: {
  locale: Locale;
  partnerName: string;
  orderNumber: string;
  customerName: string;
  licenses: { productName: string; licenseId: string; key: string }[];
}): RenderedEmail {
  const m = mailMessages[input.locale];
  const values = { partner: input.partnerName, number: input.orderNumber, customer: input.customerName };
  return {
    subject: fill(m.activationSubject, values),
    ...layout({
      paragraphs: [
        m.quoteGreeting,
        fill(m.activationIntro, values),
        ...input.licenses.map((l) =>
          fill(m.activationLine, { product: l.productName, licenseId: l.licenseId, key: l.key }),
        ),
      ],
      footer: fill(m.footer, values),
    }),
  };
}

const roleNames = {
  en: { admin: 'administrator', sales: 'sales', billing: 'billing' },
  'pt-BR': { admin: 'administrador', sales: 'vendas', billing: 'financeiro' },
} satisfies Record<Locale, Record<Role, string>>;

/** An invitation to a partner's users (SPEC §1): the one-time link that sets the password. */
export function invitationEmail(input: {
  locale: Locale;
  partnerName: string;
  inviterName: string;
  name: string;
  role: Role;
  link: string;
}): RenderedEmail {
  const m = mailMessages[input.locale];
  const values = {
    partner: input.partnerName,
    inviter: input.inviterName,
    name: input.name,
    role: roleNames[input.locale][input.role],
  };
  return {
    subject: fill(m.inviteSubject, values),
    ...layout({
      paragraphs: [m.quoteGreeting, fill(m.inviteIntro, values)],
      link: { href: input.link, label: m.inviteLink },
      footer: fill(m.footer, values),
    }),
  };
}

/** An account admin's one-time sign-in link (issue 10), to manage the account's Purchasers. */
export function accountAdminLinkEmail(input: {
  locale: Locale;
  accountName: string;
  customerId: string;
  link: string;
}): RenderedEmail {
  const m = mailMessages[input.locale];
  const values = { account: input.accountName, customerId: input.customerId };
  return {
    subject: fill(m.adminLinkSubject, values),
    ...layout({
      paragraphs: [m.quoteGreeting, fill(m.adminLinkIntro, values)],
      link: { href: input.link, label: m.adminLinkLabel },
      footer: m.adminFooter,
    }),
  };
}
