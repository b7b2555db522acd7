import type { Db, Tx } from '../db/client.ts';
import { addDays, addYears, todayUtc } from '../lib/dates.ts';
import {
  accountByCustomerId,
  addTeam,
  createCustomerAccount,
  grantPurchaser,
} from '../modules/customers/customers.service.ts';
import { createSubscriptionPack, issueLicenses } from '../modules/licenses/licenses.service.ts';
import { recordOrder } from '../modules/orders/orders.service.ts';
import {
  createPartner,
  createPartnerUser,
  findPartnerByName,
  setPartnerBillingAddress,
} from '../modules/partners/partners.service.ts';
import { createDirectQuote } from '../modules/quotes/direct-quotes.service.ts';
import { quoteState } from '../modules/quotes/quotes.service.ts';
import { createStaffMember, findStaffCredentials } from '../modules/staff/staff.service.ts';
import { loadDemoCatalog } from './demo-catalog.ts';
import { addDemoOrders } from './demo-orders.ts';

/** Every demo user's password (demo data only: never loaded in production). */
export const DEMO_PASSWORD = 'demo-pass-2026';

export const demoLogins = [
  { email: 'admin@demo-reseller.test', role: 'admin', partner: 'Demo Reseller' },
  { email: 'sales@demo-reseller.test', role: 'sales', partner: 'Demo Reseller' },
  { email: 'billing@demo-reseller.test', role: 'billing', partner: 'Demo Reseller' },
  { email: 'admin@outro-revendedor.test', role: 'admin', partner: 'Outro Revendedor Ltda' },
] as const;

const DEMO_RESELLER_DISCOUNT_PERCENT = 15;

/** The vendor staff login of the demo data (same password). */
export const DEMO_STAFF_EMAIL = 'staff@vendor.test';

/** Identifiers of the demo data that the README lists and the browser tests use. */
export const demoIdentifiers = {
  acme: '6703615',
  globex: '7012345',
  acmePack: '0220/ULFQXOB',
  acmeLicenseId: 'OIY94JBDUQ',
  acmeLicenseKey: 'OIY94JBDUQ-D3M0K-ACME2-II26X-7QZ4P',
  acmeOrder: 'R-2026-000017',
  acmePoNumber: 'PO-ACME-2026-7',
  validDirectQuote: 'Q-2026-000045',
  expiredDirectQuote: 'Q-2026-000046',
} as const;
const DAY_MS = 86_400_000;

/**
 * Deterministic demo data, listed in the README; loaded once, on a database that has none.
 * Built through the services, like any other data.
 */
export async function loadDemoData(db: Db): Promise<boolean> {
  // Added to the demo data after its first release: a demo database from before gets it too.
  if (!(await findStaffCredentials(db, DEMO_STAFF_EMAIL))) {
    await createStaffMember(db, { email: DEMO_STAFF_EMAIL, name: 'Vera Vendor', password: DEMO_PASSWORD });
  }
  if (await findPartnerByName(db, 'Demo Reseller')) {
    await addLookupDemoData(db, new Date());
    await addDemoResellerOrders(db, new Date());
    return false;
  }
  await loadDemoCatalog(db);
  await db.transaction(async (tx) => {
    const demo = await createPartner(tx, {
      name: 'Demo Reseller',
      country: 'US',
      currency: 'USD',
      discountPercent: DEMO_RESELLER_DISCOUNT_PERCENT,
      // Orders against a quote may be paid later (postpaid).
      creditTerms: true,
    });
    const outro = await createPartner(tx, {
      name: 'Outro Revendedor Ltda',
      country: 'BR',
      currency: 'BRL',
      discountPercent: 10,
    });
    const names: Record<string, string> = {
      'admin@demo-reseller.test': 'Dana Admin',
      'sales@demo-reseller.test': 'Sam Sales',
      'billing@demo-reseller.test': 'Bea Billing',
      'admin@outro-revendedor.test': 'Otávio Admin',
    };
    for (const login of demoLogins) {
      await createPartnerUser(tx, {
        partnerId: login.partner === 'Demo Reseller' ? demo.id : outro.id,
        email: login.email,
        name: names[login.email] ?? login.email,
        role: login.role,
        password: DEMO_PASSWORD,
      });
    }
  });
  await createCustomerAccount(db, {
    customerId: '6703615',
    name: 'Acme Corp',
    country: 'US',
    contacts: [{ email: 'it@acme.test', name: 'Acme IT', isAccountAdmin: true }],
    teams: ['Default team', 'Platform'],
  });
  await createCustomerAccount(db, {
    customerId: '7012345',
    name: 'Globex Ltda',
    country: 'BR',
    contacts: [{ email: 'licensing@globex.test', name: 'Globex Licensing', isAccountAdmin: true }],
    teams: ['Default team'],
  });
  await addLookupDemoData(db, new Date());
  await addDemoResellerOrders(db, new Date());
  return true;
}

/** Demo Reseller's orders and invoices for Globex (see demo-orders.ts). */
async function addDemoResellerOrders(db: Db, now: Date): Promise<void> {
  const demo = await findPartnerByName(db, 'Demo Reseller');
  const globex = await accountByCustomerId(db, demoIdentifiers.globex);
  if (!demo || !globex) throw new Error('the demo data is missing Demo Reseller or Globex');
  await addDemoOrders(db, {
    partnerId: demo.id,
    customerAccountId: globex.id,
    discountBps: DEMO_RESELLER_DISCOUNT_PERCENT * 100,
    now,
  });
}

/**
 * Acme's subscriptions (issue 8), dated from the day the demo data is loaded so that each stays in
 * its place around the renewal window: IntelliJ IDEA Ultimate in pack 0220/ULFQXOB inside the
 * window (bought by order R-2026-000017, PO-ACME-2026-7; two seats assigned to dev1@ and
 * dev2@acme.test), PyCharm still active outside it (upgrade only), WebStorm lapsed 40 days ago,
 * GoLand lapsed 250 days ago, an All Products Pack renewable (and so downgradable) within 30 days,
 * and YouTrack Cloud on acme.youtrack.cloud.
 */
async function addAcmeSubscriptions(tx: Tx, acmeId: string, now: Date): Promise<void> {
  const ids = demoIdentifiers;
  const today = todayUtc(now);
  const packEnd = addDays(today, 65);
  const order = await recordOrder(tx, {
    orderNumber: ids.acmeOrder,
    partnerId: null,
    customerAccountId: acmeId,
    poNumber: ids.acmePoNumber,
    currency: 'USD',
    totalMinor: 3 * 59_900,
    createdAt: new Date(now.getTime() - 300 * DAY_MS),
    lines: [
      {
        productCode: 'II',
        kind: 'new',
        quantity: 3,
        periodStart: addYears(packEnd, -1),
        periodEnd: packEnd,
        listMinor: 3 * 59_900,
        discountMinor: 0,
        totalMinor: 3 * 59_900,
      },
    ],
  });
  const subscriptions = [
    {
      packNumber: ids.acmePack,
      productCode: 'II',
      ends: 65,
      orderId: order.id,
      orderLineId: order.lineIds[0],
      seats: [
        { licenseId: ids.acmeLicenseId, key: ids.acmeLicenseKey, assignedEmail: 'dev1@acme.test' },
        { assignedEmail: 'dev2@acme.test' },
        {},
      ],
    },
    { productCode: 'PY', ends: 200, seats: [{ assignedEmail: 'dev1@acme.test' }, {}] },
    { productCode: 'WS', ends: -40, seats: [{ assignedEmail: 'dev2@acme.test' }] },
    { productCode: 'GO', ends: -250, seats: [{}] },
    { productCode: 'ALL', ends: 30, seats: [{ assignedEmail: 'lead@acme.test' }, {}] },
    { productCode: 'YTC', ends: 120, serviceDomain: 'acme.youtrack.cloud', seats: [{}, {}, {}, {}, {}] },
  ];
  for (const s of subscriptions) {
    const periodEnd = addDays(today, s.ends);
    const pack = await createSubscriptionPack(tx, {
      customerAccountId: acmeId,
      createdAt: s.packNumber ? new Date('2020-02-14T10:00:00Z') : new Date(now.getTime() - 400 * DAY_MS),
      ...(s.packNumber ? { packNumber: s.packNumber } : {}),
    });
    await issueLicenses(tx, {
      customerAccountId: acmeId,
      subscriptionPackId: pack.id,
      productCode: s.productCode,
      periodStart: addYears(periodEnd, -1),
      periodEnd,
      ...(s.serviceDomain ? { serviceDomain: s.serviceDomain } : {}),
      ...(s.orderId ? { orderId: s.orderId } : {}),
      ...(s.orderLineId ? { orderLineId: s.orderLineId } : {}),
      seats: s.seats,
    });
  }
}

/**
 * Licenses, a managed account and direct quotes, for finding a customer every way (issue 7).
 * Added after the first release of the demo data: a demo database from before gets them too.
 */
async function addLookupDemoData(db: Db, now: Date): Promise<void> {
  const ids = demoIdentifiers;
  if (await quoteState(db, ids.expiredDirectQuote)) return;
  const acme = await accountByCustomerId(db, ids.acme);
  const globex = await accountByCustomerId(db, ids.globex);
  const demo = await findPartnerByName(db, 'Demo Reseller');
  const outro = await findPartnerByName(db, 'Outro Revendedor Ltda');
  if (!acme || !globex || !demo || !outro)
    throw new Error('the demo data is missing an account or a partner');
  await db.transaction(async (tx) => {
    await setPartnerBillingAddress(tx, {
      partnerId: demo.id,
      billingAddress: {
        companyName: 'Demo Reseller LLC',
        addressLine1: '1 Market St',
        city: 'San Francisco',
        state: 'CA',
        postalCode: '94105',
        country: 'US',
      },
    });
    await setPartnerBillingAddress(tx, {
      partnerId: outro.id,
      billingAddress: {
        companyName: 'Outro Revendedor Ltda',
        addressLine1: 'Av. Paulista, 1000',
        city: 'São Paulo',
        state: 'SP',
        postalCode: '01310-100',
        country: 'BR',
      },
    });
    await addTeam(tx, acme.id, 'Engineering');
    await addAcmeSubscriptions(tx, acme.id, now);
    await grantPurchaser(tx, { partnerId: demo.id, customerAccountId: globex.id, now });
    const directQuote = {
      account: acme,
      currency: 'USD' as const,
      billingAddress: {
        companyName: 'Acme Corp',
        addressLine1: '1 Acme Way',
        city: 'Springfield',
        state: 'IL',
        postalCode: '62701',
        country: 'US',
      },
      endUser: { name: 'Acme IT', email: 'it@acme.test', company: 'Acme Corp' },
      lines: [
        { productCode: 'II', quantity: 5, termYears: 1 as const },
        { productCode: 'ALL', quantity: 2, termYears: 1 as const },
      ],
    };
    await createDirectQuote(tx, {
      ...directQuote,
      meta: { ip: '127.0.0.1', requestId: 'demo-data', now },
      quoteNumber: ids.validDirectQuote,
    });
    await createDirectQuote(tx, {
      ...directQuote,
      meta: { ip: '127.0.0.1', requestId: 'demo-data', now: new Date(now.getTime() - 60 * DAY_MS) },
      quoteNumber: ids.expiredDirectQuote,
    });
  });
}
