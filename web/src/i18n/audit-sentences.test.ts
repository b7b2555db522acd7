import i18next, { type TFunction } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Trans } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type AuditEntry, auditActions, countedAuditActions } from '../../../contract/index.ts';
import { sentenceOf } from '../features/partner/audit-sentence.ts';
import en from './en.json' with { type: 'json' };
import { formatMoney } from './format.ts';
import ptBR from './pt-BR.json' with { type: 'json' };

/**
 * Every action the audit log records (contract/audit-actions.ts) reads as a sentence in English
 * and in Portuguese: a counted one in i18next's plural forms, each naming its subject once.
 */
const dictionaries = { en, 'pt-BR': ptBR } as const;
type Sentences = Record<string, Record<string, string>>;
const sentencesOf = (language: keyof typeof dictionaries) =>
  dictionaries[language].audit.sentences as unknown as Sentences;
const keysOf = (action: string) => {
  const [group = '', name = ''] = action.split('.');
  return { group, name };
};

describe('the audit sentences', () => {
  it.each(Object.keys(dictionaries))('have a sentence in %s for every action code', (language) => {
    const sentences = sentencesOf(language as keyof typeof dictionaries);
    const missing = auditActions.filter((action) => {
      const { group, name } = keysOf(action);
      const forms = countedAuditActions.includes(action) ? [`${name}_one`, `${name}_other`] : [name];
      return forms.some((form) => !sentences[group]?.[form]?.trim());
    });
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(dictionaries))(
    'have no sentence in %s for an action that does not exist',
    (language) => {
      const sentences = sentencesOf(language as keyof typeof dictionaries);
      const known = new Set<string>(auditActions);
      const stray = Object.entries(sentences).flatMap(([group, texts]) =>
        Object.keys(texts)
          .map((key) => `${group}.${key.replace(/_(one|other)$/, '')}`)
          .filter((action) => !known.has(action)),
      );
      expect(stray).toEqual([]);
    },
  );

  it.each(Object.keys(dictionaries))('count with {{count}} only in plural forms, in %s', (language) => {
    const sentences = sentencesOf(language as keyof typeof dictionaries);
    const wrong = Object.entries(sentences).flatMap(([group, texts]) =>
      Object.entries(texts)
        .filter(([key, text]) => /_(one|other)$/.test(key) !== text.includes('{{count}}'))
        .map(([key]) => `${group}.${key}`),
    );
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(dictionaries))('mark the subject at most once, in %s', (language) => {
    const sentences = sentencesOf(language as keyof typeof dictionaries);
    const wrong = Object.entries(sentences).flatMap(([group, texts]) =>
      Object.entries(texts)
        .filter(([, text]) => (text.match(/<subject>[^<]*<\/subject>/g) ?? []).length > 1)
        .map(([key]) => `${group}.${key}`),
    );
    expect(wrong).toEqual([]);
  });
});

const placed: z.output<typeof AuditEntry> = {
  id: 1,
  occurredAt: '2026-12-05T10:00:00Z',
  actor: { kind: 'partner_user', name: 'Ana', email: 'ana@reseller.test' },
  action: 'order.placed',
  subject: { kind: 'order', id: 'R-2026-000105', name: null, link: '/orders/R-2026-000105' },
  account: { customerId: '7012345', name: 'Globex Ltda' },
  amount: { minor: 18134, currency: 'USD' },
  details: {},
  ip: null,
};

describe('an entry read as a sentence', () => {
  const instances: Record<string, TFunction> = {};
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    for (const language of Object.keys(dictionaries) as (keyof typeof dictionaries)[]) {
      const instance = i18next.createInstance();
      await instance.init({
        lng: language,
        resources: { [language]: { translation: dictionaries[language] } },
        interpolation: { escapeValue: false },
      });
      instances[language] = instance.t;
    }
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false },
    });
  });
  const read = (entry: z.output<typeof AuditEntry>, language: 'en' | 'pt-BR') => {
    const t = instances[language] as TFunction;
    const { key, values } = sentenceOf(entry, t, (minor, currency) => formatMoney(minor, currency, language));
    return t(key, values).replace(/<\/?subject>/g, '');
  };

  it('names the actor, the order, the account and the amount, in each language', () => {
    expect(read(placed, 'en')).toBe('Ana placed order R-2026-000105 for Globex Ltda — $181.34');
    expect(read(placed, 'pt-BR')).toBe('Ana fez o pedido R-2026-000105 para Globex Ltda — US$ 181,34');
  });

  it('shows vendor staff as such, and counts licenses in the plural forms', () => {
    const sent = {
      ...placed,
      action: 'order.activation_sent',
      actor: { kind: 'vendor_staff' as const, name: 'Vera Vendor', email: null },
      details: { to: 'it@globex.test', licenses: 1 },
    };
    expect(read(sent, 'en')).toBe(
      'Vera Vendor (vendor staff) sent the activation email of order R-2026-000105 (1 license) to it@globex.test',
    );
    expect(read({ ...sent, details: { to: 'it@globex.test', licenses: 3 } }, 'pt-BR')).toBe(
      'Vera Vendor (equipe do fornecedor) enviou o e-mail de ativação do pedido R-2026-000105 (3 licenças) para it@globex.test',
    );
  });

  it('names roles in the reader’s language', () => {
    const changed = {
      ...placed,
      action: 'user.role_changed',
      subject: { kind: 'partner_user', id: 'bo@reseller.test', name: 'Bo', link: '/company/users' },
      account: null,
      amount: null,
      details: { from: 'billing', to: 'sales' },
    };
    expect(read(changed, 'en')).toBe('Ana changed the role of Bo from Billing to Sales');
    expect(read(changed, 'pt-BR')).toBe('Ana alterou o papel de Bo de Financeiro para Vendas');
  });

  it('reads an action it does not know by its code', () => {
    expect(read({ ...placed, action: 'order.teleported' }, 'en')).toBe(
      'Ana: order.teleported (R-2026-000105)',
    );
  });

  it('renders a name as text, never as markup, around the linked subject', () => {
    const hostile = {
      ...placed,
      actor: { kind: 'partner_user' as const, name: '<subject>Eve</subject><b>x</b>', email: null },
      account: { customerId: '7012345', name: '<img src=x onerror=alert(1)>' },
    };
    const { key, values } = sentenceOf(hostile, i18n.t, (minor, currency) =>
      formatMoney(minor, currency, 'en'),
    );
    const html = renderToStaticMarkup(
      createElement(Trans, {
        i18n,
        i18nKey: key,
        values,
        components: { subject: createElement('a', { href: '/orders/R-2026-000105' }) },
      }),
    );
    expect(html).toBe(
      '&lt;subject&gt;Eve&lt;/subject&gt;&lt;b&gt;x&lt;/b&gt; placed order <a href="/orders/R-2026-000105">R-2026-000105</a> for &lt;img src=x onerror=alert(1)&gt; — $181.34',
    );
  });
});
