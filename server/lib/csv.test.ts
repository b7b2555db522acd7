import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting, doubles quotes, and keeps formulas from running', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null, 3, true]])).toBe(
      '\uFEFFa,"b,c","say ""hi""","two\nlines",,3,true\r\n',
    );
    expect(toCsv([['=SUM(A1:A9)', '+1', '@cmd', '-2', 'dev@acme.test']])).toBe(
      "\uFEFF'=SUM(A1:A9),'+1,'@cmd,'-2,dev@acme.test\r\n",
    );
  });
});
