import type { PartnerUser } from '../../../contract/partner-users.ts';
import { DomainError } from '../../lib/errors.ts';
import { can, type PartnerUserActor } from '../../shared/actor.ts';

export type PartnerUserActions = PartnerUser['actions'];
export type PartnerUserAction = keyof PartnerUserActions;

/** What the rules read of a user of the partner (one of the actor's own: the queries are scoped). */
export interface UserFacts {
  id: string;
  status: PartnerUser['status'];
}

export const userNotFound = () =>
  new DomainError('not_found', 'user.not_found', 'No such user in your organisation.');

/**
 * Why this actor may not change this user, as the error the API answers with; null when they may.
 * The partner's admins manage its users (SPEC §1), but never their own login: another admin
 * changes it, so no admin locks themselves out. A deactivated user is changed no more; to the API
 * they are gone. (That the partner keeps an active admin is checked apart, under a lock, when the
 * change is made.)
 */
function refusal(actor: PartnerUserActor, user: UserFacts): DomainError | null {
  if (!can(actor, 'partner.manage'))
    return new DomainError('forbidden', 'auth.forbidden', `Your role (${actor.role}) may not do this.`);
  if (user.status === 'deactivated') return userNotFound();
  if (user.id === actor.userId)
    return new DomainError(
      'conflict',
      'user.yourself',
      'Ask another administrator to change your own login.',
    );
  return null;
}

/** The rule of each action on a partner user; they share one today, but each is named. */
const rules: Record<PartnerUserAction, (actor: PartnerUserActor, user: UserFacts) => DomainError | null> = {
  changeRole: refusal,
  deactivate: refusal,
};

/** What this actor may do with this user, as the Users page offers it. */
export function userActions(actor: PartnerUserActor, user: UserFacts): PartnerUserActions {
  return {
    changeRole: rules.changeRole(actor, user) === null,
    deactivate: rules.deactivate(actor, user) === null,
  };
}

/** Refuses the action, with the same rule the Users page was given, unless the actor may do it. */
export function authorizeUserAction(
  actor: PartnerUserActor,
  action: PartnerUserAction,
  user: UserFacts,
): void {
  const refused = rules[action](actor, user);
  if (refused) throw refused;
}
