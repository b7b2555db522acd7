import { hash, verify } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum that erasable TypeScript cannot import; 2 is Argon2id.
const ARGON2ID = 2;

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane (≈ 10 ms to verify here). */
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

let dummyHash: Promise<string> | undefined;

/** Spend the same time on an unknown email as on a wrong password, so timing does not tell. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password');
  await verify(await dummyHash, password);
}
