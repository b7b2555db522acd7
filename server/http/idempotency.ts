import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { DomainError } from '../lib/errors.ts';

export interface IdempotentRequest {
  ownerId: string;
  key: string;
  method: string;
  url: string;
  body: unknown;
}

export interface IdempotentAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs `work` once per (user, Idempotency-Key). The key's row is inserted in the same transaction
 * as the work, so the answer is stored exactly when the work commits: a parallel retry waits on the
 * row's unique index and then replays the stored answer; if the work fails, nothing is stored and
 * a retry runs it again.
 */
export async function runIdempotent(
  db: Db,
  request: IdempotentRequest,
  status: number,
  work: (tx: Tx) => Promise<unknown>,
): Promise<IdempotentAnswer> {
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ ownerId: request.ownerId, key: request.key, requestHash, statusCode: status, response: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) return replay(tx, request, requestHash);
    const body = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ response: body ?? null })
      .where(and(eq(idempotencyKeys.ownerId, request.ownerId), eq(idempotencyKeys.key, request.key)));
    return { status, body, replayed: false };
  });
}

async function replay(
  db: Queryable,
  request: IdempotentRequest,
  requestHash: string,
): Promise<IdempotentAnswer> {
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.ownerId, request.ownerId), eq(idempotencyKeys.key, request.key)));
  if (!stored) throw new Error('idempotency key vanished between insert and select');
  if (stored.requestHash !== requestHash) {
    throw new DomainError(
      'unprocessable',
      'idempotency.key_reused',
      'This Idempotency-Key was used for another request: send a new key with each new request.',
      { field: 'idempotency-key' },
    );
  }
  return { status: stored.statusCode, body: stored.response, replayed: true };
}

export async function deleteExpiredIdempotencyKeys(db: Queryable, olderThan: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, olderThan));
}
