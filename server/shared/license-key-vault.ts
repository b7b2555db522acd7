import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { can, type PartnerUserActor } from './actor.ts';

/**
 * License keys are secrets delivered to end users, and the order page and the activation email
 * show them again (SPEC §8). The database keeps each key twice, neither readable on its own: a
 * SHA-256 hash to find the license by a pasted key, and the key sealed with AES-256-GCM under
 * LICENSE_KEY_SECRET (required in production; a fixed development secret otherwise) to show it.
 */
const DEVELOPMENT_SECRET = 'partner-portal-development-license-key-secret';

// A KeyObject, made once: given as bytes, the key is imported again for every cipher (an order page
// opens a key per license: 26 µs each that way, 7 µs with the KeyObject, measured on Node 24).
function keyOf(secret: string): KeyObject {
  return createSecretKey(createHash('sha256').update(secret).digest());
}

let key = keyOf(process.env.LICENSE_KEY_SECRET || DEVELOPMENT_SECRET);

/** Tests and tools may seal with another secret. */
export function useLicenseKeySecret(secret: string): void {
  key = keyOf(secret);
}

export function sealLicenseKey(licenseKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(licenseKey, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    sealed.toString('base64url'),
  ].join('.');
}

export function openLicenseKey(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown sealed license key format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * Who sees license keys (on the order page, in a sent activation email): the roles that handle
 * licenses. Billing sees orders and invoices, never keys.
 */
export function seesLicenseKeys(actor: PartnerUserActor): boolean {
  return can(actor, 'licenses.read');
}
