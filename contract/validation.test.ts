import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  optionalDisplayText,
  optionalText,
  pastedList,
  requiredDisplayText,
  requiredText,
  ruleOf,
  SearchText,
  secret,
  text,
} from './validation.ts';

/** The rule the first issue breaks, as the API's `validation.<rule>` names it; null when valid. */
function ruleBroken(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : ruleOf(parsed.error.issues[0] ?? { code: 'custom' }).rule;
}

const everyTextType: [string, z.ZodType][] = [
  ['text', text(100)],
  ['requiredText', requiredText(100)],
  ['optionalText', optionalText(100)],
  ['requiredDisplayText', requiredDisplayText(100)],
  ['optionalDisplayText', optionalDisplayText(100)],
  ['pastedList', pastedList(100)],
  ['secret', secret(100)],
  ['SearchText', SearchText],
];

/** Names as people write them: accents, CJK, right-to-left scripts, emoji (joined ones and flags too). */
const legitimateNames = [
  'Łódź Café',
  'Ação Comércio Ltda.',
  'François Çelik',
  '株式会社東京',
  '김민준',
  'محمد العلي',
  'שלום',
  'Zoë 🙂',
  'Dev team 👩‍💻',
  'Família 👨‍👩‍👧',
  'Scotland 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  'Thumbs 👍🏽',
];

describe('text in requests', () => {
  it('refuses halves of surrogate pairs in every text type', () => {
    for (const [name, schema] of everyTextType) {
      for (const broken of ['\ud800', 'abc\udfff', 'x\ud83dy', '\ude00abc']) {
        expect(ruleBroken(schema, broken), `${name}: ${JSON.stringify(broken)}`).toBe('malformed_text');
      }
      // A whole pair is a character like any other.
      expect(ruleBroken(schema, 'abc🙂'), name).toBeNull();
    }
  });

  it('refuses NUL and other control characters in every text type', () => {
    for (const [name, schema] of everyTextType) {
      expect(ruleBroken(schema, 'abc\u0000'), name).toBe('control_characters');
      expect(ruleBroken(schema, 'abc\u001b[31m'), name).toBe('control_characters');
    }
  });

  it('refuses invisible formatting characters in text shown to others', () => {
    const formatting = [
      '\u202e', // right-to-left override
      '\u202a',
      '\u200b', // zero-width space
      '\u200c',
      '\u200d', // a zero-width joiner outside an emoji
      '\u200e',
      '\u200f',
      '\u2066', // isolates
      '\u2069',
      '\u00ad', // soft hyphen
      '\ufeff',
      '\u{e0041}', // a tag character outside a flag
    ];
    for (const schema of [requiredDisplayText(100), optionalDisplayText(100)]) {
      for (const character of formatting) {
        expect(ruleBroken(schema, `Acme${character}gpj.exe`), JSON.stringify(character)).toBe(
          'format_characters',
        );
      }
    }
    // Searches and pasted lists take them (they are matched, never shown to anyone else).
    expect(ruleBroken(text(100), 'Acme\u202e')).toBeNull();
  });

  it('keeps names in every script, and emoji', () => {
    for (const name of legitimateNames) {
      expect(requiredDisplayText(100).parse(` ${name} `), name).toBe(name);
      expect(optionalDisplayText(100).parse(name), name).toBe(name);
    }
  });
});
