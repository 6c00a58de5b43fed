using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>The staff member a chat identity is linked to; null when it is linked to nobody.</summary>
public sealed record FindChatUser(Channel Platform, string UserId) : IQuery<Staff?>;

/// <summary>The open reviews the staff member is the reviewer of (with the escalated ones when they are an admin, a fallback reviewer), earliest due first.</summary>
public sealed record ListReviewsFor(StaffCode Reviewer, int Max = 20) : IQuery<ReviewList>;

/// <summary>How many open reviews a reviewer has (<see cref="Total"/>) and the first <c>Max</c> of them by due date, whole.</summary>
public sealed record ReviewList(int Total, IReadOnlyList<Review> First);

/// <summary>
/// What chat shows of a group for its review: by group code, or by the patient code of a patient
/// group. <see cref="ReviewId"/> picks a review (one just completed); otherwise the open one.
/// Null when no group has the code.
/// </summary>
public sealed record GetReviewSheet(string Code, string? ReviewId = null) : IQuery<ReviewSheet?>;

/// <summary>
/// A group as a reviewer sees it in chat: codes, owner, status, the review (if any) and one row
/// per member under review — or, with no review, per active member. Deliberately without the
/// group's name in MCS or the patient's name: neither may reach chat.
/// </summary>
public sealed record ReviewSheet(GroupCode Group, PatientCode? Patient, StaffCode? Owner, GroupStatus Status, Review? Review, IReadOnlyList<ReviewSheetRow> Rows)
{
    /// <summary>The patient's initials (A.T.), only when the facility chose <c>Chat:PatientDisplay=initials</c>.</summary>
    public string? PatientInitials { get; init; }
}

/// <summary>A member as the reviewer sees them: staff code, name, profession, facility, signals, and the decision so far (null with no review).</summary>
public sealed record ReviewSheetRow(StaffCode Member, string Name, Profession Profession, string Facility, MemberSignal Signals, ReviewDecision? Decision);

internal sealed class FindChatUserHandler : IHandler<FindChatUser, Staff?>
{
    public Staff? Handle(FindChatUser op, OperationContext ctx) => ctx.Session.Staff.FindByChatUser(op.Platform, op.UserId);
}

/// <summary>
/// Reads the heads of the open reviews (the reviewer's through the index; an admin's, who also
/// reviews whatever is escalated, all of them), and only the first <c>Max</c> whole: a chat
/// answer shows 20, and an admin's list at a facility is hundreds of reviews with their items.
/// </summary>
internal sealed class ListReviewsForHandler : IHandler<ListReviewsFor, ReviewList>
{
    public ReviewList Handle(ListReviewsFor op, OperationContext ctx)
    {
        var reviews = ctx.Session.Reviews;
        var admin = ctx.Session.Staff.Find(op.Reviewer)?.Roles.HasFlag(StaffRoles.Admin) == true;
        var mine = reviews.OpenHeads(op.Reviewer);
        var escalated = admin ? reviews.EscalatedHeads() : [];
        var max = Math.Max(0, op.Max);

        // An admin's own escalated reviews are among every escalated one: counted and listed once.
        // The first rows of the whole list are among the first of each part.
        var others = admin ? mine.Where(h => h.Status != ReviewStatus.Escalated).ToList() : mine;
        var first = others.Concat(escalated.Take(max))
            .OrderBy(r => r.DueOn)
            .ThenBy(r => r.Group.Value, StringComparer.Ordinal)
            .Take(max);
        return new ReviewList(others.Count + escalated.Count, [.. first.Select(h => reviews.Find(h.Id)).OfType<Review>()]);
    }
}

internal sealed class GetReviewSheetHandler : IHandler<GetReviewSheet, ReviewSheet?>
{
    public ReviewSheet? Handle(GetReviewSheet op, OperationContext ctx)
    {
        var s = ctx.Session;
        var group = (Code.TryParse<GroupCode>(op.Code, out var g) ? s.Groups.Find(g) : null)
            ?? (Code.TryParse<PatientCode>(op.Code, out var p)
                ? s.Groups.ByPatient(p).Where(x => x.Kind == GroupKind.Patient).OrderBy(x => x.Status == GroupStatus.Archived).FirstOrDefault()
                : null);
        if (group is null)
        {
            return null;
        }

        var reviews = s.Reviews.ByGroup(group.Code);
        var review = op.ReviewId is { } id ? reviews.FirstOrDefault(r => r.Id == id) : reviews.FirstOrDefault(r => r.IsOpen);
        var facilities = s.Facilities.All().ToDictionary(f => f.Code, f => f.Name);
        ReviewSheetRow Row(StaffCode code, Staff? staff, MemberSignal signals, ReviewDecision? decision) => staff is not null
            ? new(code, staff.Name, staff.Profession, facilities.GetValueOrDefault(staff.Facility) ?? staff.Facility.Value, signals, decision)
            : new(code, "-", Profession.Other, "-", signals, decision);

        IReadOnlyList<ReviewSheetRow> rows;
        if (review is not null)
        {
            rows = [.. review.Items.Select(i => Row(i.Member, s.Staff.Find(i.Member), i.Signals, i.Decision))];
        }
        else
        {
            var patient = group.Patient is { } pc ? s.Patients.Find(pc) : null;
            var previous = reviews.Where(r => r.Status != ReviewStatus.Cancelled).Select(r => (DateTimeOffset?)r.OpenedAt).Max();
            rows = [.. s.Memberships.ByGroup(group.Code)
                .Where(m => m.State == MembershipState.Active)
                .OrderBy(m => m.Staff.Value, StringComparer.Ordinal)
                .Select(m => (Membership: m, Staff: s.Staff.Find(m.Staff)))
                .Select(x => Row(x.Membership.Staff, x.Staff, x.Staff is { } st ? ReviewPolicy.Signals(st, ReviewPolicy.AddedOn(x.Membership, ctx.Policy.Clock), patient, previous, ctx.Policy.Clock) : MemberSignal.None, null))];
        }

        var initials = ctx.Policy.PatientDisplay == PatientDisplay.Initials && group.Patient is { } code ? KanaInitials.Of(s.Patients.Find(code)?.Kana) : null;
        return new ReviewSheet(group.Code, group.Patient, group.Owner, group.Status, review, rows) { PatientInitials = initials };
    }
}
