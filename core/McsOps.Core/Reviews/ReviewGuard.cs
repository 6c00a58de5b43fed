using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>
/// Keeps the rule that no review is open on a group that is not active (archive_pending,
/// archived) or has no active member left, whatever changed it: an operation, an import, a
/// discharge, a transfer. Run at the end of every operation and import, in its transaction.
/// </summary>
public static class ReviewGuard
{
    public static void CloseUnreviewable(IStoreSession session, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        var changed = session.ChangedGroups;
        if (changed.Count == 0)
        {
            return;
        }

        var open = session.Reviews.OpenGroups();
        foreach (var code in changed.Where(open.Contains))
        {
            if (session.Reviews.OpenFor(code) is not { } review || session.Groups.Find(code) is not { } group)
            {
                continue;
            }

            var reason = group.Status != GroupStatus.Active ? $"group {Tokens.Format(group.Status)}"
                : !session.Memberships.ByGroup(code).Any(m => m.State == MembershipState.Active) ? "no active member" : null;
            if (reason is null)
            {
                continue;
            }

            var now = session.Time.GetUtcNow();
            session.Reviews.Upsert(review with { Status = ReviewStatus.Cancelled, ClosedAt = now, ClosedBy = actor.Id });
            session.Audit.Append(actor, "reviews.cancel", code.Value, reason);
        }
    }
}
