import { TaskOwner } from '@papermill/database';

/** Who is calling, as one typed value handed to handlers. */
export type Principal =
  | { kind: 'user'; userId: string; via: 'jwt' }
  | { kind: 'user'; userId: string; via: 'api_key'; apiKeyId: string }
  | { kind: 'guest'; guestId: string };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export function ownerOf(principal: Principal): TaskOwner {
  return principal.kind === 'user'
    ? { kind: 'user', userId: principal.userId }
    : { kind: 'guest', guestId: principal.guestId };
}
