import type { z } from 'zod';
import type { Cart, PacksAndTeams, SetCartDetailsRequest } from '../../../../contract/index.ts';

/** The account's teams and subscription packs the choice is made among. */
export type TeamsAndPacks = z.infer<typeof PacksAndTeams>;

export type TeamKind = 'none' | 'existing' | 'new';
export type PackKind = 'new' | 'existing';

/** The team and subscription pack as chosen on the Details tab, before they are sent. */
export type DetailsChoice = {
  teamKind: TeamKind;
  teamId: string | null;
  teamName: string;
  packKind: PackKind;
  packNumber: string | null;
};

export const noDetailsChoice: DetailsChoice = {
  teamKind: 'none',
  teamId: null,
  teamName: '',
  packKind: 'new',
  packNumber: null,
};

/** The choice as the server keeps it for the cart. */
export function choiceFromSaved(saved: Cart['details']): DetailsChoice {
  return {
    teamKind: saved.team === null ? 'none' : saved.team.id === null ? 'new' : 'existing',
    teamId: saved.team?.id ?? null,
    teamName: saved.team && saved.team.id === null ? saved.team.name : '',
    packKind: saved.pack ? 'existing' : 'new',
    packNumber: saved.pack?.packNumber ?? null,
  };
}

/** The request that saves the choice; an incomplete choice (no team picked, no name) is none / new. */
export function detailsRequest(choice: DetailsChoice): z.input<typeof SetCartDetailsRequest> {
  const team: z.input<typeof SetCartDetailsRequest>['team'] =
    choice.teamKind === 'existing' && choice.teamId
      ? { kind: 'existing', teamId: choice.teamId }
      : choice.teamKind === 'new' && choice.teamName.trim()
        ? { kind: 'new', name: choice.teamName }
        : { kind: 'none' };
  const pack: z.input<typeof SetCartDetailsRequest>['pack'] =
    choice.packKind === 'existing' && choice.packNumber
      ? { kind: 'existing', packNumber: choice.packNumber }
      : { kind: 'new' };
  return { team, pack };
}
