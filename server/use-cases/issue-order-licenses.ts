import type { CartDetails } from '../../contract/cart.ts';
import type { Tx } from '../db/client.ts';
import type { OrderDocument } from '../db/documents/order-document.ts';
import { addTeam, findTeamsAndPacks } from '../modules/customers/customers.service.ts';
import {
  createSubscriptionPack,
  extendLicenses,
  issueLicenses,
} from '../modules/licenses/licenses.service.ts';

/**
 * The licenses an order pays for (SPEC §8, §11a): new subscriptions get new License IDs and keys in
 * the pack and team the quote chose (a new pack, or a new team by name, made now); renewals,
 * upgrades and downgrades extend the same License IDs with the order's period. Answers the keys
 * of the new licenses, which exist only now (the database keeps their hashes).
 */
export async function issueOrderLicenses(
  tx: Tx,
  input: {
    customerAccountId: string;
    orderId: string;
    lineIds: string[];
    lines: OrderDocument['lines'];
    details: CartDetails | undefined;
    now: Date;
  },
): Promise<{ lineNo: number; licenseId: string; key: string }[]> {
  const issued: { lineNo: number; licenseId: string; key: string }[] = [];
  let packId: string | null = null;
  let teamId: string | null | undefined;
  const packAndTeam = async () => {
    if (packId !== null) return { packId, teamId: teamId ?? null };
    const chosenPack = input.details?.pack?.packNumber;
    // The account's packs are read only when the quote chose one (most orders start a new pack).
    const existing = chosenPack
      ? (await findTeamsAndPacks(tx, input.customerAccountId)).packs.find((p) => p.packNumber === chosenPack)
      : undefined;
    packId = existing
      ? existing.id
      : (
          await createSubscriptionPack(tx, {
            customerAccountId: input.customerAccountId,
            createdAt: input.now,
          })
        ).id;
    const team = input.details?.team;
    if (team?.id) teamId = team.id;
    else if (team?.name) {
      await addTeam(tx, input.customerAccountId, team.name);
      const named = (await findTeamsAndPacks(tx, input.customerAccountId)).teams.find(
        (t) => t.name === team.name,
      );
      teamId = named?.id ?? null;
    } else teamId = null;
    return { packId, teamId };
  };
  for (const [index, line] of input.lines.entries()) {
    const orderLineId = input.lineIds[index];
    const lineNo = index + 1;
    if (line.kind === 'new') {
      const { packId: pack, teamId: team } = await packAndTeam();
      const keys = await issueLicenses(tx, {
        customerAccountId: input.customerAccountId,
        subscriptionPackId: pack,
        productCode: line.productCode,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
        ...(line.serviceDomain ? { serviceDomain: line.serviceDomain } : {}),
        orderId: input.orderId,
        ...(orderLineId ? { orderLineId } : {}),
        seats: Array.from({ length: line.quantity }, () => (team ? { teamId: team } : {})),
      });
      issued.push(...keys.map((k) => ({ lineNo, ...k })));
      continue;
    }
    await extendLicenses(tx, {
      licenseIds: line.licenseIds ?? [],
      productCode: line.productCode,
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
      orderId: input.orderId,
      ...(orderLineId ? { orderLineId } : {}),
      upgrade: line.kind === 'upgrade',
    });
  }
  return issued;
}
