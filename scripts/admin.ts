// Vendor back-office tasks from the command line: `npm run admin -- <command> [options]`.
//   create-staff --email <email> --name <name>   the password is read from standard input
//                                                  (typed at a prompt, or piped: echo … | npm run admin …)
// Uses the same database as `npm start` (DATABASE_URL, else PGlite in DATA_DIR).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { DomainError } from '../server/lib/errors.ts';
import { createStaffMember, STAFF_PASSWORD_MIN } from '../server/modules/staff/staff.service.ts';

const usage = `usage: npm run admin -- create-staff --email <email> --name <name>
  The password (at least ${STAFF_PASSWORD_MIN} characters) is read from standard input.`;

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  try {
    return (await rl.question(process.stdin.isTTY ? 'Password: ' : '')).trim();
  } finally {
    rl.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command !== 'create-staff') {
  console.error(usage);
  process.exit(2);
}
const { values } = parseArgs({
  args: rest,
  options: { email: { type: 'string' }, name: { type: 'string' } },
});
if (!values.email || !values.name) {
  console.error(usage);
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  const password = await readPassword();
  const { id } = await createStaffMember(database.db, { email: values.email, name: values.name, password });
  console.log(
    `Vendor staff ${values.email.toLowerCase()} created (${id}); they log in at POST /api/admin/auth/login.`,
  );
} catch (error) {
  if (error instanceof DomainError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
