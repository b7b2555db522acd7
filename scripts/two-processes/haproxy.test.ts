import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haproxyConfig } from './haproxy.ts';

// docs/OPERATIONS.md shows operators the configuration scripts/two-processes.ts proves: the two
// must not drift apart.
describe('the reference HAProxy configuration', () => {
  it('is, in docs/OPERATIONS.md, the one the two-process script runs with', () => {
    const docs = readFileSync(new URL('../../docs/OPERATIONS.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('### Reference configuration'));
    const shown = /```\n([\s\S]*?)```/.exec(section)?.[1];
    const generated = haproxyConfig({
      port: 8080,
      statsPort: 8404,
      backends: [
        { name: 'app1', port: 3001 },
        { name: 'app2', port: 3002 },
      ],
    });
    expect(shown).toBe(generated);
  });
});
