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
