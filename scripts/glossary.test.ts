import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mailMessages } from '../server/modules/mail/templates.ts';
import { pdfLabels } from '../server/modules/pdf/labels.ts';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import ptBR from '../web/src/i18n/pt-BR.json' with { type: 'json' };

/** Every string of a nested dictionary, with its dotted path. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => texts(inner, path ? `${path}.${key}` : key));
}

interface Row {
  english: string;
  term: string;
  avoid: string[];
}

function glossaryRows(markdown: string): Row[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English') && !line.startsWith('| ---'))
    .map((line) => {
      const [english = '', portuguese = '', avoid = ''] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      // The term the texts must use: the cell up to a ';' or '(' (what follows explains it).
      const term = portuguese.split(/[;(]/)[0]?.trim() ?? '';
      return { english, term, avoid: [...avoid.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '') };
    });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A variant with a capital letter is matched exactly; one without, in any case; as whole words. */
function variantPattern(variant: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\d])${escapeRegExp(variant)}(?![\\p{L}\\d])`,
    /\p{Lu}/u.test(variant) ? 'u' : 'iu',
  );
}
/** Placeholders are filled in at run time: `{{po}}` or `{product}` is not Portuguese text. */
const withoutPlaceholders = (text: string) => text.replace(/\{\{?[^}]*\}\}?/g, '');

const portuguese: [string, string][] = [
  ...texts(ptBR).map(([path, text]): [string, string] => [`pt-BR.json ${path}`, text]),
  ...texts(pdfLabels['pt-BR']).map(([path, text]): [string, string] => [`pdf labels ${path}`, text]),
  ...texts(mailMessages['pt-BR']).map(([path, text]): [string, string] => [`mail ${path}`, text]),
];
const rows = glossaryRows(readFileSync(new URL('../docs/GLOSSARY.md', import.meta.url), 'utf8'));

describe('the Portuguese glossary (docs/GLOSSARY.md)', () => {
  it('is read as a table of terms', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.term, row.english).not.toBe('');
  });

  it.each(rows.map((row) => [row.english, row] as const))(
    '%s: the texts use the term, never a variant',
    (_, row) => {
      for (const term of row.term.split(' / ')) {
        const used = portuguese.some(([, text]) => variantPattern(term).test(withoutPlaceholders(text)));
        expect(used, `"${term}" is no longer used: update the glossary`).toBe(true);
      }
      const offending = portuguese.flatMap(([where, text]) =>
        row.avoid
          .filter((variant) => variantPattern(variant).test(withoutPlaceholders(text)))
          .map((v) => `${where}: ${v}`),
      );
      expect(offending).toEqual([]);
    },
  );

  it('finds a variant where one is written (the check can fail)', () => {
    expect(variantPattern('preço de lista').test('Preço de lista anual')).toBe(true);
    expect(variantPattern('PO').test(withoutPlaceholders('Pedido {{order}}, OC {{po}}'))).toBe(false);
    expect(variantPattern('Compradora').test('Compradoras')).toBe(false);
  });
});

describe('plurals', () => {
  it('come from plural forms, never "(s)" or a gendered "(a)", in either language', () => {
    const all = [...texts(en), ...texts(ptBR), ...portuguese];
    const marked = all.filter(([, text]) => /\p{L}\((s|es|a|as)\)/u.test(text)).map(([path]) => path);
    expect(marked).toEqual([]);
  });
});
