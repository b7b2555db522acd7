// Runs a command with DATABASE_URL pointing at the PostgreSQL server (default: the local one).
// Tests then create a fresh database per file on that server and drop it afterwards.
import { spawnSync } from 'node:child_process';

const url =
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.ts <command> [args...]');
  process.exit(2);
}
console.log(`Integration tests against PostgreSQL: ${url.replace(/:[^:@/]+@/, ':***@')}`);
const result = spawnSync('npx', [command, ...args], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(result.status ?? 1);
