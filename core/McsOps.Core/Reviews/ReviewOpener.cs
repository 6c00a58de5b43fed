using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>Opens a review of a group: one pending item per active member, with the signals a reviewer needs.</summary>
public static class ReviewOpener
{
    /// <summary>Opens the review now (ad hoc) or for a cron time, reading what it needs from the session.</summary>
    public static Review Open(IStoreSession s, Group group, DateTimeOffset openedAt, bool adHoc, Scheduling.PolicySettings policy, Actor actor)
    {
        var review = Build(group, openedAt, adHoc, policy, ReviewSources.Of(s));
        Save(s, review, actor, policy);
        return review;
    }

    /// <summary>
    /// The review as it opens, not yet stored. A scheduled review opened late (by a sweep after
    /// day 7) starts escalated when <paramref name="now"/> says so.
    /// </summary>
    public static Review Build(Group group, DateTimeOffset openedAt, bool adHoc, Scheduling.PolicySettings policy, ReviewSources sources, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(sources);
        var previous = sources.Reviews(group.Code).Where(r => r.Status != ReviewStatus.Cancelled).Select(r => (DateTimeOffset?)r.OpenedAt).Max();
        var patient = group.Patient is { } p ? sources.Patient(p) : null;
        var items = sources.Members(group.Code)
            .Where(m => m.State == MembershipState.Active)
            .OrderBy(m => m.Staff.Value, StringComparer.Ordinal)
            // The staff record's code where there is one: a sweep holds thousands of built reviews,
            // and one string per staff member is lighter than one per membership read.
            .Select(m => sources.Staff(m.Staff) is { } staff
                ? new ReviewItem { Member = staff.Code, Signals = ReviewPolicy.Signals(staff, m, patient, previous, policy.Clock) }
                : new ReviewItem { Member = m.Staff, Signals = MemberSignal.None })
            .ToList();
        var review = new Review
        {
            Id = Review.IdFor(group.Code, openedAt),
            Group = group.Code,
            OpenedAt = openedAt,
            DueOn = ReviewPolicy.DueOn(openedAt, policy),
            Reviewer = group.Owner,
            AdHoc = adHoc,
            Items = items,
        };
        return now is { } at && ReviewPolicy.ShouldEscalate(review, at, policy)
            ? review with { Status = ReviewStatus.Escalated, EscalatedAt = now }
            : review;
    }

    /// <summary>Stores a review that <see cref="Build"/> made, in one audited change.</summary>
    public static void Save(IStoreSession s, Review review, Actor actor, Scheduling.PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(policy);
        s.Reviews.Insert(review);
        var escalated = review.Status == ReviewStatus.Escalated ? $"; escalated (day {policy.EscalationDay} has passed)" : string.Empty;
        s.Audit.Append(actor, "reviews.open", review.Group.Value,
            $"{(review.AdHoc ? "ad hoc" : "scheduled")}; opened {policy.Clock.DateOf(review.OpenedAt):yyyy-MM-dd}; due {review.DueOn:yyyy-MM-dd}; members {review.Items.Count}{escalated}");
    }
}

/// <summary>
/// What building a review reads: by default the session, a query per group and a look-up per
/// member; a sweep that opens thousands passes what it read at once for a batch of groups.
/// </summary>
public sealed record ReviewSources(
    Func<GroupCode, IEnumerable<Membership>> Members,
    Func<GroupCode, IEnumerable<Review>> Reviews,
    Func<StaffCode, Staff?> Staff,
    Func<PatientCode, Patient?> Patient)
{
    public static ReviewSources Of(IStoreSession s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Memberships.ByGroup, s.Reviews.ByGroup, s.Staff.Find, s.Patients.Find);
    }
}
