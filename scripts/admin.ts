// Vendor back-office tasks from the command line: `npm run admin -- <command> [options]`. The same
// services as /api/admin, audited as the staff member named by --staff (or ADMIN_STAFF_EMAIL).
// Uses the database of `npm start` (DATABASE_URL, else PGlite in DATA_DIR: stop `npm start` first,
// the embedded database takes one process).
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CreatePartnerRequest, typedYearlyListPrice } from '../contract/admin.ts';
import { Currency } from '../contract/money.ts';
import { ruleMessage, ruleOf } from '../contract/validation.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import type { RequestMeta } from '../server/http/request-meta.ts';
import { startJobQueue } from '../server/jobs/job-queue.ts';
import { todayUtc } from '../server/lib/dates.ts';
import { DomainError } from '../server/lib/errors.ts';
import { formatMoney } from '../server/lib/formatting.ts';
import {
  listAdminProducts,
  setProductPrice,
  withdrawProductAsStaff,
} from '../server/modules/catalog/catalog-admin.ts';
import {
  creditNoteAsStaff,
  listAllInvoices,
  recordPaymentAsStaff,
} from '../server/modules/invoices/invoices-admin.ts';
import {
  changePartnerTerms,
  createPartnerAsStaff,
  listPartners,
} from '../server/modules/partners/partners.service.ts';
import {
  createStaffMember,
  STAFF_PASSWORD_MIN,
  staffActorByEmail,
} from '../server/modules/staff/staff.service.ts';

const usage = `usage: npm run admin -- <command> [options]
  create-staff --email <email> --name <name>        the password (at least ${STAFF_PASSWORD_MIN} characters) is read from standard input
  partners                                           every partner: currency, discount, credit terms, users
  create-partner --name <name> --country <XX> --currency USD|EUR|BRL --discount <percent> [--credit-terms on|off]
                 --admin-email <email> --admin-name <name> --staff <email>   the admin gets an invitation by email
  set-terms --partner <name> [--discount <percent>] [--credit-terms on|off] --staff <email>
  products                                           the catalog: on sale or withdrawn, prices per currency
  set-price --product <code> --currency USD|EUR|BRL --price <1234.50> --staff <email>
  withdraw-product --product <code> --staff <email>
  invoices [--status paid|applied|not_paid|overdue] [--search <text>]
  record-payment --invoice <INV-…> [--paid-on YYYY-MM-DD] --staff <email>
  credit-note --invoice <INV-…> --reason <text> --staff <email>`;

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  try {
    return (await rl.question(process.stdin.isTTY ? 'Password: ' : '')).trim();
  } finally {
    rl.close();
  }
}

class UsageError extends Error {}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    partner: { type: 'string' },
    discount: { type: 'string' },
    'credit-terms': { type: 'string' },
    staff: { type: 'string' },
    status: { type: 'string' },
    search: { type: 'string' },
    invoice: { type: 'string' },
    'paid-on': { type: 'string' },
    reason: { type: 'string' },
    product: { type: 'string' },
    country: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    currency: { type: 'string' },
    price: { type: 'string' },
  },
});

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const db = database.db;
const meta = (): RequestMeta => ({ ip: 'cli', requestId: `cli-${randomUUID()}`, now: new Date() });
async function staff() {
  const email = values.staff ?? process.env.ADMIN_STAFF_EMAIL;
  if (!email) throw new UsageError('--staff <email> names who does it (for the audit log)');
  const actor = await staffActorByEmail(db, email);
  if (!actor) throw new UsageError(`no active vendor staff member ${email}`);
  return actor;
}
const required = (name: keyof typeof values) => {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
};

try {
  await database.migrate();
  switch (command) {
    case 'create-staff': {
      const email = required('email');
      const { id } = await createStaffMember(db, {
        email,
        name: required('name'),
        password: await readPassword(),
      });
      console.log(`Vendor staff ${email.toLowerCase()} created (${id}); they log in at /admin.`);
      break;
    }
    case 'partners':
      for (const p of await listPartners(db))
        console.log(
          `${p.name.padEnd(32)} ${p.country} ${p.currency} ${String(p.discountPercent).padStart(5)} % credit terms: ${p.creditTerms ? 'yes' : 'no '} users: ${p.users}`,
        );
      break;
    case 'create-partner': {
      const request = CreatePartnerRequest.safeParse({
        name: required('name'),
        country: required('country'),
        currency: required('currency').toUpperCase(),
        discountPercent: Number(required('discount')),
        creditTerms: values['credit-terms'] === 'on',
        admin: { email: required('admin-email'), name: required('admin-name') },
      });
      if (!request.success)
        throw new UsageError(request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const jobs = await startJobQueue(database);
      try {
        const partner = await createPartnerAsStaff(db, jobs, {
          actor: await staff(),
          meta: meta(),
          request: request.data,
          publicUrl: config.mail.publicUrl,
        });
        console.log(`${partner.name} created (${partner.id}); its admin is invited by email.`);
      } finally {
        await jobs.stop();
      }
      break;
    }
    case 'set-terms': {
      const name = required('partner');
      const partner = (await listPartners(db)).find((p) => p.name === name);
      if (!partner) throw new UsageError(`no partner named ${name}`);
      const terms = values['credit-terms'];
      if (terms !== undefined && terms !== 'on' && terms !== 'off')
        throw new UsageError('--credit-terms is on or off');
      const changed = await changePartnerTerms(db, {
        actor: await staff(),
        meta: meta(),
        partnerId: partner.id,
        discountPercent: values.discount === undefined ? undefined : Number(values.discount),
        creditTerms: terms === undefined ? undefined : terms === 'on',
      });
      console.log(
        `${changed.name}: ${changed.discountPercent} % discount, credit terms ${changed.creditTerms ? 'on' : 'off'}.`,
      );
      break;
    }
    case 'products':
      for (const p of await listAdminProducts(db))
        console.log(
          `${p.code.padEnd(6)} ${p.name.padEnd(28)} ${p.active ? 'on sale  ' : 'withdrawn'} ${p.prices.map((x) => formatMoney(x.yearlyListMinor, x.currency, 'en')).join('  ')}`,
        );
      break;
    case 'set-price': {
      const currency = required('currency').toUpperCase();
      if (!Currency.options.includes(currency as Currency))
        throw new UsageError('--currency is USD, EUR or BRL');
      // The same check as the back office's field and the API: no sign, no stray decimals, no slip.
      const price = typedYearlyListPrice(currency as Currency).safeParse(required('price'));
      if (!price.success) {
        const [issue] = price.error.issues;
        const { rule, params } = ruleOf(issue ?? { code: 'custom' });
        throw new UsageError(`--price: ${ruleMessage(rule, params)}`);
      }
      const product = await setProductPrice(db, {
        actor: await staff(),
        meta: meta(),
        code: required('product').toUpperCase(),
        currency: currency as Currency,
        yearlyListMinor: price.data,
      });
      console.log(
        `${product.code}: ${product.prices.map((x) => formatMoney(x.yearlyListMinor, x.currency, 'en')).join('  ')}`,
      );
      break;
    }
    case 'withdraw-product': {
      const product = await withdrawProductAsStaff(db, {
        actor: await staff(),
        meta: meta(),
        code: required('product').toUpperCase(),
      });
      console.log(`${product.code} ${product.name} is withdrawn from sale.`);
      break;
    }
    case 'invoices': {
      const status = values.status as 'paid' | 'applied' | 'not_paid' | 'overdue' | undefined;
      const list = await listAllInvoices(db, {
        now: new Date(),
        filters: { q: values.search, status, page: 1, pageSize: 100 },
      });
      for (const i of list.items)
        console.log(
          `${i.invoiceNumber}  ${i.issuedOn}  ${i.status.padEnd(8)}${i.overdue ? ' OVERDUE' : '        '}  ${formatMoney(i.amountMinor, i.currency, 'en').padStart(14)}  ${i.partnerName} / ${i.customerName}`,
        );
      console.log(`${list.items.length} of ${list.total}`);
      break;
    }
    case 'record-payment': {
      const invoice = await recordPaymentAsStaff(db, {
        actor: await staff(),
        meta: meta(),
        invoiceNumber: required('invoice').toUpperCase(),
        paidOn: values['paid-on'] ?? todayUtc(new Date()),
      });
      console.log(`${invoice.invoiceNumber} is Paid on ${invoice.paidOn}.`);
      break;
    }
    case 'credit-note': {
      const invoice = await creditNoteAsStaff(db, {
        actor: await staff(),
        meta: meta(),
        invoiceNumber: required('invoice').toUpperCase(),
        reason: required('reason'),
      });
      console.log(`${invoice.invoiceNumber} is Applied by credit note ${invoice.creditNoteNumber}.`);
      break;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command');
  }
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${usage}`);
    process.exitCode = 2;
  } else if (error instanceof DomainError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
