using McsOps.Core.Application;
using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core.Demo;

/// <summary>
/// Gives the demo facility a past: most groups answered their last quarterly review within a few
/// days (every member kept), a few did not (they stay owed and overdue), and one reviewer asked to
/// remove a member who left the care team, which waits as an MCS action.
/// </summary>
public static class DemoHistory
{
    public static void Add(IStore store, PolicySettings policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var owed = store.Read(s => s.Due.ReviewsOwed(now));
        var reviewer = new Actor("S-0001", Channel.Tui);
        store.Write(s =>
        {
            foreach (var (f, i) in owed.OrderBy(f => f.Group.Value, StringComparer.Ordinal).Select((f, i) => (f, i)))
            {
                if (i % 7 == 3 || ReviewPolicy.Occurrence(f.Cron, f.ReviewNext!.Value, now, policy) is not { } opened || s.Groups.Find(f.Group) is not { } group)
                {
                    continue; // every 7th group has not answered: it stays owed
                }

                var review = ReviewOpener.Open(s, group, opened, adHoc: false, policy, Actor.System);
                var answered = opened.AddDays(2 + (i % 4)).AddHours(i % 6);
                var items = review.Items.Select(item => item with
                {
                    Decision = ReviewDecision.Keep,
                    DecidedBy = group.Owner?.Value ?? reviewer.Id,
                    DecidedAt = answered,
                    Channel = i % 2 == 0 ? Channel.Teams : Channel.Slack,
                }).ToList();
                s.Reviews.Upsert(review with { Items = items, Status = ReviewStatus.Completed, ClosedAt = answered, ClosedBy = group.Owner?.Value });
                s.Audit.Append(new Actor(group.Owner?.Value ?? reviewer.Id, Channel.Teams), "reviews.complete", group.Code.Value, $"keep {items.Count}, remove 0, unsure 0");
            }

            return 0;
        });

        // One ad-hoc review in progress, where the reviewer asked to remove a member.
        var ops = new Ops(store, policy, time);
        var target = store.Read(s => s.Reviews.All().Where(r => r.Status == ReviewStatus.Completed && r.Items.Count > 8)
            .OrderBy(r => r.Group.Value, StringComparer.Ordinal).Select(r => r.Group).FirstOrDefault());
        if (target != default)
        {
            var review = ops.Execute(new OpenReview(target), reviewer);
            var member = review.Items[^1].Member;
            ops.Execute(new RecordDecision(target, member, ReviewDecision.Remove, "担当終了 (ケア終了のため)"), reviewer);
            ops.Execute(new RecordDecision(target, review.Items[0].Member, ReviewDecision.Keep), reviewer);
        }
    }
}
