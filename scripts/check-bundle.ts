// The JavaScript budget of the first screen: what web/dist/index.html loads before anything else
// (its module scripts and modulepreload links), gzipped as a browser would receive it. Pages loaded
// later (React.lazy chunks) do not count. Exits 1 above the budget, so `npm run build` fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const distDir = 'web/dist';
const budgetKiB = 250;

const html = readFileSync(join(distDir, 'index.html'), 'utf8');

/** `src` of module scripts and `href` of modulepreload links, in the order the page names them. */
function initialScripts(page: string): string[] {
  const found: string[] = [];
  for (const tag of page.matchAll(/<(script|link)\b[^>]*>/g)) {
    const text = tag[0];
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(text)?.[1];
    const url =
      tag[1] === 'script' ? attribute('src') : attribute('rel') === 'modulepreload' && attribute('href');
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const scripts = initialScripts(html);
if (scripts.length === 0) {
  console.error(`check-bundle: ${distDir}/index.html loads no scripts; was the build run?`);
  process.exit(1);
}

let total = 0;
for (const url of scripts) {
  const file = join(distDir, new URL(url, 'http://localhost/').pathname);
  const gzipped = gzipSync(readFileSync(file)).length;
  total += gzipped;
  console.log(`  ${kib(gzipped).padStart(10)}  ${url}`);
}
console.log(`First screen JavaScript: ${kib(total)} gzipped (budget ${budgetKiB} KiB)`);
if (total > budgetKiB * 1024) {
  console.error(`check-bundle: over budget by ${kib(total - budgetKiB * 1024)}`);
  process.exit(1);
}
