import { z } from 'zod';

export const Role = z.enum(['admin', 'sales', 'billing']);
export type Role = z.infer<typeof Role>;

/**
 * Who may do what (SPEC §1), the one table both the server's policy and the web app read.
 * admin: everything; sales: accounts, cart, quotes, orders, renewals; billing: invoices, payment
 * methods, orders read-only.
 */
export const permissionsByRole = {
  'customers.open': ['admin', 'sales'],
  'customers.create': ['admin', 'sales'],
  'catalog.read': ['admin', 'sales'],
  'cart.manage': ['admin', 'sales'],
  'licenses.read': ['admin', 'sales'],
  'licenses.assign': ['admin', 'sales'],
  'quotes.read': ['admin', 'sales'],
  'quotes.create': ['admin', 'sales'],
  'quotes.cancel': ['admin', 'sales'],
  'orders.create': ['admin', 'sales'],
  'orders.read': ['admin', 'sales', 'billing'],
  'invoices.read': ['admin', 'billing'],
  /** Pay now on an unpaid invoice: those who handle the invoices and the payment methods. */
  'invoices.pay': ['admin', 'billing'],
  'partner.manage': ['admin'],
  'payment_methods.manage': ['admin', 'billing'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionsByRole;
export const Permission = z.enum(Object.keys(permissionsByRole) as [Permission, ...Permission[]]);

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (permissionsByRole[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissionsByRole) as Permission[]).filter((p) => roleHasPermission(role, p));
}
