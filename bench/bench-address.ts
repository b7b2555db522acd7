/** The billing address of every quote the benches make: a US one, so it carries a state and a ZIP. */
export const BENCH_BILLING_ADDRESS = {
  companyName: 'Bench',
  addressLine1: '1 St',
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
} as const;
