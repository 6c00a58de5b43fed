using McsOps.Core.Scheduling;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Policies;

/// <summary>Design §5.1 as pure functions: scheduling, due date, reminder days, escalation, signals.</summary>
public sealed class ReviewPolicyTests
{
    private static readonly PolicySettings Policy = new() { Zone = Tokyo };

    /// <summary>2026-10-01 09:00 Tokyo: the default quarterly cron time.</summary>
    private static readonly DateTimeOffset October1 = Jst(2026, 10, 1, 9);

    private static Group Group(GroupStatus status = GroupStatus.Active, DateOnly? created = null, string? cron = null) => new()
    {
        Code = G("G-0042"),
        Kind = GroupKind.Free,
        McsName = "x",
        Owner = S("S-0001"),
        Status = status,
        CreatedOn = created,
        ReviewCron = cron,
    };

    private static Review Review(int pending, ReviewStatus status = ReviewStatus.Open) => new()
    {
        Id = "G-0042@1",
        Group = G("G-0042"),
        OpenedAt = October1,
        DueOn = new DateOnly(2026, 10, 15),
        Reviewer = S("S-0001"),
        Status = status,
        Items = [.. Enumerable.Range(1, 2).Select(i => new ReviewItem { Member = S($"S-000{i}"), Decision = i <= pending ? ReviewDecision.Pending : ReviewDecision.Keep })],
    };

    [Theory]
    [InlineData(GroupStatus.Archived)]
    [InlineData(GroupStatus.ArchivePending)]
    public void NextScheduled_ArchivedOrArchivePendingGroup_IsNeverOwedAReview(GroupStatus status) =>
        ReviewPolicy.NextScheduled(Group(status), activeMembers: 5, hasOpenReview: false, lastOpenedAt: null, Policy).Should().BeNull();

    [Fact]
    public void NextScheduled_GroupWithoutActiveMember_IsNeverOwedAReview() =>
        ReviewPolicy.NextScheduled(Group(), activeMembers: 0, hasOpenReview: false, lastOpenedAt: null, Policy).Should().BeNull();

    [Fact]
    public void NextScheduled_GroupWithOpenReview_IsOwedNoOther() =>
        ReviewPolicy.NextScheduled(Group(), activeMembers: 2, hasOpenReview: true, lastOpenedAt: October1, Policy).Should().BeNull();

    [Fact]
    public void NextScheduled_AfterAReview_IsTheNextQuarter() =>
        ReviewPolicy.NextScheduled(Group(), 2, false, October1, Policy).Should().Be(Jst(2027, 1, 1, 9));

    [Fact]
    public void NextScheduled_NewGroup_IsTheFirstCronTimeFromItsCreationDay()
    {
        ReviewPolicy.NextScheduled(Group(created: new DateOnly(2026, 2, 15)), 1, false, null, Policy).Should().Be(Jst(2026, 4, 1, 9));
        ReviewPolicy.NextScheduled(Group(created: new DateOnly(2026, 10, 1)), 1, false, null, Policy).Should().Be(October1, "created on the cron day, before 09:00 counts");
    }

    [Fact]
    public void NextScheduled_GroupCron_OverridesTheDefault() =>
        ReviewPolicy.NextScheduled(Group(cron: "0 10 15 * *"), 1, false, October1, Policy).Should().Be(Jst(2026, 10, 15, 10));

    [Fact]
    public void Occurrence_MissedQuarters_IsTheLatestCronTimeAtOrBeforeNow()
    {
        ReviewPolicy.Occurrence(null, Jst(2026, 4, 1, 9), Jst(2026, 11, 26, 10), Policy).Should().Be(October1);
        ReviewPolicy.Occurrence(null, Jst(2026, 4, 1, 9), October1, Policy).Should().Be(October1, "at the cron time itself");
        ReviewPolicy.Occurrence(null, Jst(2026, 4, 1, 9), October1.AddMilliseconds(-1), Policy).Should().Be(Jst(2026, 7, 1, 9));
    }

    [Fact]
    public void Occurrence_BeforeTheGroupIsOwed_IsNone() =>
        ReviewPolicy.Occurrence(null, Jst(2027, 1, 1, 9), Jst(2026, 12, 31, 23), Policy).Should().BeNull();

    [Fact]
    public void DueOn_IsFourteenCalendarDaysAfterTheOpeningDayInTokyo()
    {
        ReviewPolicy.DueOn(October1, Policy).Should().Be(new DateOnly(2026, 10, 15));
        ReviewPolicy.DueOn(Jst(2026, 10, 1, 5), Policy).Should().Be(new DateOnly(2026, 10, 15), "05:00 Tokyo is still 09-30 in UTC");
    }

    [Fact]
    public void ShouldEscalate_LandsOnDay7NotDay6()
    {
        var review = Review(pending: 1);
        var day7 = Jst(2026, 10, 8); // 00:00 Tokyo on the 7th calendar day after 10-01

        ReviewPolicy.ShouldEscalate(review, Jst(2026, 10, 7, 9), Policy).Should().BeFalse("day 6, a full 6 days after opening");
        ReviewPolicy.ShouldEscalate(review, day7.AddMilliseconds(-1), Policy).Should().BeFalse("still day 6");
        ReviewPolicy.ShouldEscalate(review, day7, Policy).Should().BeTrue("day 7 begins at midnight, before 7×24 h have passed");
    }

    [Fact]
    public void ShouldEscalate_NothingPendingOrAlreadyEscalated_IsFalse()
    {
        ReviewPolicy.ShouldEscalate(Review(pending: 0), Jst(2026, 10, 9), Policy).Should().BeFalse();
        ReviewPolicy.ShouldEscalate(Review(pending: 1, ReviewStatus.Escalated), Jst(2026, 10, 9), Policy).Should().BeFalse();
    }

    [Fact]
    public void ReminderDaysReached_Days0_3_7BeginAtTokyoMidnight()
    {
        var review = Review(pending: 1);

        ReviewPolicy.ReminderDaysReached(review, October1, Policy).Should().Equal(0);
        ReviewPolicy.ReminderDaysReached(review, Jst(2026, 10, 4).AddMilliseconds(-1), Policy).Should().Equal(0);
        ReviewPolicy.ReminderDaysReached(review, Jst(2026, 10, 4), Policy).Should().Equal(0, 3);
        ReviewPolicy.ReminderDaysReached(review, Jst(2026, 10, 8), Policy).Should().Equal(0, 3, 7);
        ReviewPolicy.ReminderDaysReached(review, Jst(2026, 10, 16), Policy).Should().BeEmpty("after the due date it is overdue, not reminded");
    }

    private static Staff Member(StaffStatus status = StaffStatus.Active, bool verified = true, string facility = "F-0002") => new()
    {
        Code = S("S-0003"),
        Facility = FacilityCode.Parse(facility),
        Name = "x",
        Profession = Profession.Nurse,
        Status = status,
        IdentityVerified = verified,
    };

    /// <summary>The day an active member approved on <paramref name="approved"/> was added.</summary>
    private static DateOnly? Active(DateOnly? approved = null) => ReviewPolicy.AddedOn(
        new Membership
        {
            Group = G("G-0042"),
            Staff = S("S-0003"),
            State = MembershipState.Active,
            ApprovedOn = approved ?? new DateOnly(2025, 1, 1),
        },
        Policy.Clock);

    private static Patient Patient(params string[] refused) => new()
    {
        Code = P("P-0042"),
        Name = "x",
        Consent = new Consent { Form = ConsentForm.Template1, SignedOn = new DateOnly(2026, 4, 1), RefusedFacilities = [.. refused.Select(FacilityCode.Parse)] },
    };

    [Fact]
    public void Signals_OrdinaryVerifiedMember_HasNone() =>
        ReviewPolicy.Signals(Member(), Active(), Patient(), October1, Policy.Clock).Should().Be(MemberSignal.None);

    [Theory]
    [InlineData(StaffStatus.Leaving, MemberSignal.Leaving)]
    [InlineData(StaffStatus.Departed, MemberSignal.Departed)]
    public void Signals_LeavingOrDeparted_AreShown(StaffStatus status, MemberSignal expected) =>
        ReviewPolicy.Signals(Member(status), Active(), Patient(), October1, Policy.Clock).Should().Be(expected);

    [Fact]
    public void Signals_FacilityRefusedByConsent_IsShown() =>
        ReviewPolicy.Signals(Member(), Active(), Patient("F-0002"), October1, Policy.Clock).Should().Be(MemberSignal.FacilityRefused);

    [Fact]
    public void Signals_NotVerified_IsShown() =>
        ReviewPolicy.Signals(Member(verified: false), Active(), Patient(), October1, Policy.Clock).Should().Be(MemberSignal.NotVerified);

    [Fact]
    public void AddedOn_IsApprovalElseInvitationElseFirstRecordedChange()
    {
        var m = new Membership { Group = G("G-0042"), Staff = S("S-0003"), State = MembershipState.Active };
        var first = new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero); // 2026-10-01 01:00 in Tokyo

        ReviewPolicy.AddedOn(m with { ApprovedOn = new DateOnly(2026, 9, 1), InvitedOn = new DateOnly(2026, 8, 1) }, Policy.Clock).Should().Be(new DateOnly(2026, 9, 1));
        ReviewPolicy.AddedOn(m with { InvitedOn = new DateOnly(2026, 8, 1) }, Policy.Clock).Should().Be(new DateOnly(2026, 8, 1));
        ReviewPolicy.AddedOn(m with { History = [new MembershipEvent(MembershipState.Active, first, "S-0001", null)] }, Policy.Clock).Should().Be(new DateOnly(2026, 10, 1));
        ReviewPolicy.AddedOn(m, Policy.Clock).Should().BeNull();
    }

    [Fact]
    public void Signals_AddedSinceTheLastReview_IsShown()
    {
        ReviewPolicy.Signals(Member(), Active(new DateOnly(2026, 10, 2)), Patient(), October1, Policy.Clock).Should().Be(MemberSignal.AddedSinceLastReview);
        ReviewPolicy.Signals(Member(), Active(new DateOnly(2026, 9, 30)), Patient(), October1, Policy.Clock).Should().Be(MemberSignal.None);
        ReviewPolicy.Signals(Member(), Active(new DateOnly(2026, 10, 2)), Patient(), null, Policy.Clock).Should().Be(MemberSignal.None, "there was no earlier review");
    }
}
