/**
 * The rules of a postal address by country (issue 18), in one pure module that the server's
 * schemas and the web forms share: the US asks for a State (50 states and DC) and a ZIP code of 5
 * or 9 digits; Brazil for a UF (26 states and the Distrito Federal) and a CEP of 8 digits, kept as
 * 00000-000. Elsewhere the postal code is free text (letters, digits, spaces and dashes) and no
 * state is asked.
 */

// biome-ignore format: one code per cell reads as the list it is
/** The 50 US states and the District of Columbia, by their USPS codes. */
export const usStates = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;

// biome-ignore format: as above
/** The 27 federative units of Brazil (26 states and the Distrito Federal). */
export const brazilianStates = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE',
  'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const;

// biome-ignore format: a table
/** The names of the states, for the lists the forms show (a name is the same in both languages). */
export const stateNames: Record<'US' | 'BR', Record<string, string>> = {
  US: {
    AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
    CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
    HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
    LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
    MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
    NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota',
    OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island',
    SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont',
    VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  },
  BR: {
    AC: 'Acre', AL: 'Alagoas', AP: 'Amapá', AM: 'Amazonas', BA: 'Bahia', CE: 'Ceará',
    DF: 'Distrito Federal', ES: 'Espírito Santo', GO: 'Goiás', MA: 'Maranhão', MT: 'Mato Grosso',
    MS: 'Mato Grosso do Sul', MG: 'Minas Gerais', PA: 'Pará', PB: 'Paraíba', PR: 'Paraná',
    PE: 'Pernambuco', PI: 'Piauí', RJ: 'Rio de Janeiro', RN: 'Rio Grande do Norte',
    RS: 'Rio Grande do Sul', RO: 'Rondônia', RR: 'Roraima', SC: 'Santa Catarina', SP: 'São Paulo',
    SE: 'Sergipe', TO: 'Tocantins',
  },
};

/** How a country's address is asked: which list of states, and the postal code's own format. */
export type AddressKind = 'us' | 'br' | 'other';

export function addressKindOf(country: string): AddressKind {
  return country === 'US' ? 'us' : country === 'BR' ? 'br' : 'other';
}

/** The codes of the states a country's address must name, or null where no state is asked. */
export function statesOf(country: string): readonly string[] | null {
  const kind = addressKindOf(country);
  return kind === 'us' ? usStates : kind === 'br' ? brazilianStates : null;
}

/** The rules an address can break; each is `validation.<rule>` in the API's errors. */
export type AddressRule = 'state_required' | 'state_us' | 'state_br' | 'postal_code' | 'zip_code' | 'cep';

export type AddressCheck<T> = { ok: true; value: T } | { ok: false; rule: AddressRule };

/** An example of each country's postal code, for hints and messages. */
export const postalCodeExamples: Record<AddressKind, string> = {
  us: '94105 or 94105-1234',
  br: '01310-100',
  other: '',
};

const freePostalCode = /^[\p{L}\p{N}][\p{L}\p{N} -]*$/u;
const zipCode = /^(\d{5})(?:-?(\d{4}))?$/;
const cep = /^(\d{5})[-.\s]?(\d{3})$/;

/**
 * The postal code checked by the country and written the one way it is kept: a ZIP code as
 * `12345` or `12345-6789`, a CEP as `01310-100` (8 digits are accepted with or without the dash).
 */
export function checkPostalCode(country: string, typed: string): AddressCheck<string> {
  const value = typed.trim();
  switch (addressKindOf(country)) {
    case 'us': {
      const match = zipCode.exec(value);
      if (!match) return { ok: false, rule: 'zip_code' };
      return { ok: true, value: match[2] ? `${match[1]}-${match[2]}` : (match[1] as string) };
    }
    case 'br': {
      const match = cep.exec(value);
      return match ? { ok: true, value: `${match[1]}-${match[2]}` } : { ok: false, rule: 'cep' };
    }
    default:
      return freePostalCode.test(value) ? { ok: true, value } : { ok: false, rule: 'postal_code' };
  }
}

/**
 * The state checked by the country: one of its list where the country has one (a missing one is
 * `state_required`), upper-cased; elsewhere no state is kept (undefined).
 */
export function checkState(country: string, typed: string | undefined): AddressCheck<string | undefined> {
  const states = statesOf(country);
  if (!states) return { ok: true, value: undefined };
  const value = (typed ?? '').trim().toUpperCase();
  if (value === '') return { ok: false, rule: 'state_required' };
  if (!states.includes(value)) return { ok: false, rule: country === 'US' ? 'state_us' : 'state_br' };
  return { ok: true, value };
}

/** The line of an address with its city, as each country writes it: `Austin, TX 78701`, `São Paulo - SP, 01310-100`, `10115 Berlin`. */
export function cityLine(address: {
  city: string;
  postalCode: string;
  country: string;
  state?: string | undefined;
}): string {
  const kind = addressKindOf(address.country);
  if (kind === 'us' && address.state) return `${address.city}, ${address.state} ${address.postalCode}`;
  if (kind === 'br' && address.state) return `${address.city} - ${address.state}, ${address.postalCode}`;
  return `${address.postalCode} ${address.city}`;
}
