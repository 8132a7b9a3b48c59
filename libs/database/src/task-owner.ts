/** Who a task belongs to: a signed-in user (or their API key), or a guest browser session. */
export type TaskOwner = { kind: 'user'; userId: string } | { kind: 'guest'; guestId: string };

export function ownerColumns(owner: TaskOwner): { ownerUserId: string | null; ownerGuestId: string | null } {
  return owner.kind === 'user'
    ? { ownerUserId: owner.userId, ownerGuestId: null }
    : { ownerUserId: null, ownerGuestId: owner.guestId };
}

/** The filter selecting an owner's tasks (the other column is null by constraint). */
export function ownerWhere(owner: TaskOwner): { ownerUserId: string } | { ownerGuestId: string } {
  return owner.kind === 'user' ? { ownerUserId: owner.userId } : { ownerGuestId: owner.guestId };
}

/** The key of the owner's row in `task_owner_counts` (same formula as the SQL function `task_owner_key`). */
export function ownerKey(owner: TaskOwner): string {
  return owner.kind === 'user' ? `u:${owner.userId}` : `g:${owner.guestId}`;
}
