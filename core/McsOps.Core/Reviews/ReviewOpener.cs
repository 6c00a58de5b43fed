using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>Opens a review of a group: one pending item per active member, with the signals a reviewer needs.</summary>
public static class ReviewOpener
{
    /// <summary>
    /// Opens the review. A scheduled review opened late (by a sweep after day 7) starts escalated
    /// when <paramref name="now"/> says so, in the same audited change.
    /// </summary>
    public static Review Open(
        IStoreSession s, Group group, DateTimeOffset openedAt, bool adHoc, Scheduling.PolicySettings policy, Actor actor,
        Func<StaffCode, Staff?>? staffLookup = null, Func<PatientCode, Patient?>? patientLookup = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(policy);
        staffLookup ??= s.Staff.Find;
        patientLookup ??= s.Patients.Find;
        var previous = s.Reviews.ByGroup(group.Code).Where(r => r.Status != ReviewStatus.Cancelled).Select(r => (DateTimeOffset?)r.OpenedAt).Max();
        var patient = group.Patient is { } p ? patientLookup(p) : null;
        var items = s.Memberships.ByGroup(group.Code)
            .Where(m => m.State == MembershipState.Active)
            .OrderBy(m => m.Staff.Value, StringComparer.Ordinal)
            .Select(m => new ReviewItem
            {
                Member = m.Staff,
                Signals = staffLookup(m.Staff) is { } staff ? ReviewPolicy.Signals(staff, m, patient, previous, policy.Clock) : MemberSignal.None,
            })
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
        var escalate = now is { } at && ReviewPolicy.ShouldEscalate(review, at, policy);
        if (escalate)
        {
            review = review with { Status = ReviewStatus.Escalated, EscalatedAt = now };
        }

        s.Reviews.Insert(review);
        s.Audit.Append(actor, "reviews.open", group.Code.Value,
            $"{(adHoc ? "ad hoc" : "scheduled")}; opened {policy.Clock.DateOf(openedAt):yyyy-MM-dd}; due {review.DueOn:yyyy-MM-dd}; members {items.Count}{(escalate ? $"; escalated (day {policy.EscalationDay} has passed)" : string.Empty)}");

        return review;
    }
}
