import { loadDemoCatalog } from '../modules/catalog/demo-catalog.ts';
import { createCustomerAccount } from '../modules/customers/customers.service.ts';
import { createPartner, createPartnerUser, findPartnerByName } from '../modules/partners/partners.service.ts';
import { createStaffMember, findStaffCredentials } from '../modules/staff/staff.service.ts';
import type { Db } from './client.ts';

/** Every demo user's password (demo data only: never loaded in production). */
export const DEMO_PASSWORD = 'demo-pass-2026';

export const demoLogins = [
  { email: 'admin@demo-reseller.test', role: 'admin', partner: 'Demo Reseller' },
  { email: 'sales@demo-reseller.test', role: 'sales', partner: 'Demo Reseller' },
  { email: 'billing@demo-reseller.test', role: 'billing', partner: 'Demo Reseller' },
  { email: 'admin@outro-revendedor.test', role: 'admin', partner: 'Outro Revendedor Ltda' },
] as const;

/** The vendor staff login of the demo data (same password). */
export const DEMO_STAFF_EMAIL = 'staff@vendor.test';

/**
 * Deterministic demo data, listed in the README; loaded once, on a database that has none.
 * Built through the services, like any other data.
 */
export async function loadDemoData(db: Db): Promise<boolean> {
  // Added to the demo data after its first release: a demo database from before gets it too.
  if (!(await findStaffCredentials(db, DEMO_STAFF_EMAIL))) {
    await createStaffMember(db, { email: DEMO_STAFF_EMAIL, name: 'Vera Vendor', password: DEMO_PASSWORD });
  }
  if (await findPartnerByName(db, 'Demo Reseller')) return false;
  await loadDemoCatalog(db);
  await db.transaction(async (tx) => {
    const demo = await createPartner(tx, {
      name: 'Demo Reseller',
      country: 'US',
      currency: 'USD',
      discountPercent: 15,
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
  return true;
}
