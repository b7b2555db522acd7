import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Currency } from '../../../../contract/money.ts';
import {
  answerSandboxChallenge,
  findSandboxApproval,
  findSandboxApprovalByVault,
  findSandboxCharge,
  findSandboxChargesOfToken,
  findSandboxToken,
  insertSandboxApprovalOnce,
  insertSandboxChargeOnce,
  insertSandboxToken,
  refundSandboxCharge,
  type SandboxApprovalRow,
  updateSandboxApprovalFrom,
} from './sandbox.queries.ts';
import type { SandboxOutcome } from './sandbox-cards.ts';

export interface SandboxCard {
  token: string;
  brand: string;
  last4: string;
  expMonth: string;
  expYear: string;
  outcome: SandboxOutcome;
}

export interface SandboxCharge {
  reference: string;
  idempotencyKey: string;
  token: string;
  amountMinor: number;
  currency: Currency;
  status: 'captured' | 'declined' | 'refunded';
}

export type SandboxApprovalStatus = 'created' | 'approved' | 'cancelled' | 'completed';

/** A payment or an account to store, as the buyer approves it on the sandbox's PayPal page. */
export interface SandboxApproval {
  id: string;
  kind: 'order' | 'setup';
  reference: string | null;
  amountMinor: number | null;
  currency: Currency | null;
  returnUrl: string;
  cancelUrl: string;
  status: SandboxApprovalStatus;
  payerEmail: string | null;
  vaultId: string | null;
}

/**
 * Where the sandbox provider keeps its tokens and charges. It stands for an outside provider, so
 * its records live outside the portal's transactions and connections: a charge stays taken when
 * the portal's order then fails (and must be refunded), and a checkout holding a connection never
 * waits on the provider for another.
 */
export interface SandboxStore {
  saveCard(card: SandboxCard): Promise<void>;
  findCard(token: string): Promise<SandboxCard | null>;
  /** The challenge's answer: the card charges (success) or declines; false when no challenge waits. */
  answerChallenge(token: string, outcome: 'success' | 'decline'): Promise<boolean>;
  /** Writes the charge unless one exists for its idempotency key; answers the one that counts. */
  takeCharge(charge: SandboxCharge): Promise<SandboxCharge>;
  chargesOf(token: string): Promise<SandboxCharge[]>;
  /** The charge made with an idempotency key, if any (what a provider's status lookup answers). */
  findCharge(idempotencyKey: string): Promise<SandboxCharge | null>;
  refund(reference: string): Promise<void>;
  /** Writes the approval unless one has its id (the same request again); answers the one kept. */
  saveApproval(approval: SandboxApproval): Promise<SandboxApproval>;
  findApproval(id: string): Promise<SandboxApproval | null>;
  findVault(vaultId: string): Promise<SandboxApproval | null>;
  /** Moves an approval on from one of `from`; null when it was elsewhere (someone moved it first). */
  moveApproval(
    id: string,
    from: SandboxApprovalStatus[],
    change: Pick<SandboxApproval, 'status'> & Partial<Pick<SandboxApproval, 'payerEmail' | 'vaultId'>>,
  ): Promise<SandboxApproval | null>;
  close(): Promise<void>;
}

const approvalOf = (row: SandboxApprovalRow): SandboxApproval => ({
  id: row.id,
  kind: row.kind as SandboxApproval['kind'],
  reference: row.reference,
  amountMinor: row.amountMinor,
  currency: row.currency,
  returnUrl: row.returnUrl,
  cancelUrl: row.cancelUrl,
  status: row.status as SandboxApprovalStatus,
  payerEmail: row.payerEmail,
  vaultId: row.vaultId,
});

/** On a PostgreSQL server: the sandbox's own tables, through its own two connections. */
export function postgresSandboxStore(connectionString: string): SandboxStore {
  const pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 10_000 });
  // An idle connection the server closed (a restart) is replaced on next use, not a crash.
  pool.on('error', (error) => console.warn('sandbox payment store:', error.message));
  const db = drizzle(pool);
  return {
    saveCard: (card) => insertSandboxToken(db, card),
    findCard: async (token) => {
      const row = await findSandboxToken(db, token);
      return row ? { ...row, outcome: row.outcome as SandboxOutcome } : null;
    },
    answerChallenge: (token, outcome) => answerSandboxChallenge(db, token, outcome),
    takeCharge: async (charge) => {
      const row =
        (await insertSandboxChargeOnce(db, charge)) ?? (await findSandboxCharge(db, charge.idempotencyKey));
      if (!row) throw new Error('sandbox charge vanished');
      return { ...row, status: row.status as SandboxCharge['status'] };
    },
    chargesOf: async (token) =>
      (await findSandboxChargesOfToken(db, token)).map((row) => ({
        ...row,
        status: row.status as SandboxCharge['status'],
      })),
    findCharge: async (idempotencyKey) => {
      const row = await findSandboxCharge(db, idempotencyKey);
      return row ? { ...row, status: row.status as SandboxCharge['status'] } : null;
    },
    refund: (reference) => refundSandboxCharge(db, reference),
    saveApproval: async (approval) => {
      await insertSandboxApprovalOnce(db, approval);
      const row = await findSandboxApproval(db, approval.id);
      if (!row) throw new Error('sandbox approval vanished');
      return approvalOf(row);
    },
    findApproval: async (id) => {
      const row = await findSandboxApproval(db, id);
      return row ? approvalOf(row) : null;
    },
    findVault: async (vaultId) => {
      const row = await findSandboxApprovalByVault(db, vaultId);
      return row ? approvalOf(row) : null;
    },
    moveApproval: async (id, from, change) => {
      const row = await updateSandboxApprovalFrom(db, id, from, change);
      return row ? approvalOf(row) : null;
    },
    close: () => pool.end(),
  };
}

/**
 * With the embedded database (PGlite: one process, one connection) the sandbox keeps its records in
 * this process: a second connection does not exist there, and no other process shares the
 * database. Gone on restart, like a test provider's data may be.
 */
export function memorySandboxStore(): SandboxStore {
  const cards = new Map<string, SandboxCard>();
  const charges = new Map<string, SandboxCharge>();
  const approvals = new Map<string, SandboxApproval>();
  return {
    saveCard: async (card) => {
      cards.set(card.token, card);
    },
    findCard: async (token) => cards.get(token) ?? null,
    answerChallenge: async (token, outcome) => {
      const card = cards.get(token);
      if (card?.outcome !== 'challenge') return false;
      cards.set(token, { ...card, outcome });
      return true;
    },
    takeCharge: async (charge) => {
      const existing = charges.get(charge.idempotencyKey);
      if (existing) return existing;
      charges.set(charge.idempotencyKey, charge);
      return charge;
    },
    chargesOf: async (token) => [...charges.values()].filter((c) => c.token === token),
    findCharge: async (idempotencyKey) => charges.get(idempotencyKey) ?? null,
    refund: async (reference) => {
      for (const [key, charge] of charges) {
        if (charge.reference === reference && charge.status === 'captured')
          charges.set(key, { ...charge, status: 'refunded' });
      }
    },
    saveApproval: async (approval) => {
      const kept = approvals.get(approval.id) ?? approval;
      approvals.set(approval.id, kept);
      return kept;
    },
    findApproval: async (id) => approvals.get(id) ?? null,
    findVault: async (vaultId) => [...approvals.values()].find((a) => a.vaultId === vaultId) ?? null,
    moveApproval: async (id, from, change) => {
      const approval = approvals.get(id);
      if (!approval || !from.includes(approval.status)) return null;
      const moved = { ...approval, ...change };
      approvals.set(id, moved);
      return moved;
    },
    close: async () => {},
  };
}

/** The sandbox's store for the database the app runs on (see the two stores above). */
export function sandboxStoreFor(databaseUrl: string | undefined): SandboxStore {
  return databaseUrl ? postgresSandboxStore(databaseUrl) : memorySandboxStore();
}
