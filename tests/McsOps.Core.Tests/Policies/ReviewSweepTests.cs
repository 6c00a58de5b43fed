using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Policies;

/// <summary>Design §5.1 through the sweep and the due list, on a real store.</summary>
public sealed class ReviewSweepTests : IDisposable
{
    /// <summary>
    /// The seed's groups plus G-0200 (archived) and G-0201 (archive_pending), each with an active
    /// member, G-0300 created 2026-11-01 and G-0301 created 2026-02-15.
    /// </summary>
    private const string Groups = """
        group_code,kind,mcs_name,patient_code,owner_staff_code,status,created_on
        G-0042,patient,青木様 在宅チーム,P-0042,S-0001,active,
        G-0043,patient,石井様 在宅チーム,P-0043,S-0002,active,
        G-0100,free,多職種連携 連絡用,,S-0001,active,
        G-0200,free,旧連絡用,,S-0001,archived,
        G-0201,free,保管待ち連絡用,,S-0001,archive_pending,
        G-0300,free,新規連絡用,,S-0002,active,2026-11-01
        G-0301,free,二月連絡用,,S-0002,active,2026-02-15
        """;

    private const string Memberships = """
        group_code,staff_code,state,invited_by,invited_on
        G-0042,S-0001,active,,
        G-0042,S-0002,active,,
        G-0042,S-0003,invited,S-0001,2026-11-20
        G-0043,S-0002,active,,
        G-0200,S-0001,active,,
        G-0201,S-0002,active,,
        G-0300,S-0001,active,,
        G-0301,S-0001,active,,
        """;

    /// <summary>2026-10-01 09:00 Tokyo, the quarterly cron time.</summary>
    private static readonly DateTimeOffset October1 = Jst(2026, 10, 1, 9);

    private PolicyWorld? _w;

    private PolicyWorld W => _w!;

    public void Dispose() => _w?.Dispose();

    private PolicyWorld CreateSut(DateTimeOffset start) => _w = new PolicyWorld(start).Seed(groups: Groups, memberships: Memberships);

    private List<OutboxMessage> Escalations() => [.. W.Messages.Where(m => m.Kind == "review_escalation")];

    private List<DueFinding> ReviewFindings(DateTimeOffset at, string group) =>
        [.. W.Due(at).Where(f => f.Category == DueCategory.Review && f.Subject == group)];

    [Fact]
    public void Sweep_EmptyGroup_IsNeverReviewed()
    {
        CreateSut(Jst(2026, 11, 26, 10));
        foreach (var at in new[] { Jst(2026, 11, 26, 10), Jst(2027, 1, 1, 9), Jst(2027, 4, 2), Jst(2028, 1, 1, 9) })
        {
            W.Sweep(at);
        }

        W.Reviews("G-0100").Should().BeEmpty();
        ReviewFindings(Jst(2028, 2, 1), "G-0100").Should().BeEmpty();
        W.Reviews("G-0042").Should().NotBeEmpty("the sweep does open reviews of groups with members");
        W.Rejects(new OpenReview(G("G-0100"))).Should().Match<OpsException>(e => e.Code == ExitCode.InputRejected && e.Key == "op.review.empty");
    }

    [Fact]
    public void Sweep_GroupWhoseLastMemberLeft_IsNoLongerReviewed()
    {
        CreateSut(Jst(2026, 9, 1));
        W.Run(new RecordMembership(G("G-0043"), S("S-0002"), MembershipState.Removed, new DateOnly(2026, 9, 1), "moved"));

        W.Sweep(Jst(2026, 11, 26, 10));

        W.Reviews("G-0043").Should().BeEmpty();
        ReviewFindings(Jst(2026, 11, 26, 10), "G-0043").Should().BeEmpty();
    }

    [Theory]
    [InlineData("G-0200")]
    [InlineData("G-0201")]
    public void Sweep_ArchivedOrArchivePendingGroup_IsNeverReviewed(string group)
    {
        CreateSut(Jst(2026, 11, 26, 10));
        W.Sweep(Jst(2026, 11, 26, 10));
        W.Sweep(Jst(2027, 1, 1, 9));

        W.Reviews(group).Should().BeEmpty();
        ReviewFindings(Jst(2027, 1, 5), group).Should().BeEmpty();
        W.Rejects(new OpenReview(G(group))).Should().Match<OpsException>(e => e.Code == ExitCode.InputRejected && e.Key == "op.review.notactive");
    }

    [Fact]
    public void Sweep_MissedQuarters_OpensOneReviewAtTheLatestCronTimeDueFourteenDaysLater()
    {
        CreateSut(Jst(2026, 11, 26, 10));

        var result = W.Sweep();

        result.ReviewsOpened.Should().Be(3, "G-0042, G-0043 and G-0301; G-0300 was created after 10-01, the others are empty or archived");
        var review = W.Reviews("G-0301").Should().ContainSingle("the quarters 04-01 and 07-01 are not opened one by one").Which;
        review.OpenedAt.Should().Be(October1);
        review.DueOn.Should().Be(new DateOnly(2026, 10, 15));
        review.AdHoc.Should().BeFalse();
        W.Reviews("G-0042").Should().ContainSingle().Which.OpenedAt.Should().Be(October1);
        W.Reviews("G-0300").Should().BeEmpty();
    }

    [Fact]
    public void Sweep_OpensTheReviewWithOnePendingItemPerActiveMember()
    {
        CreateSut(October1);

        W.Sweep();

        var review = W.OpenReview("G-0042")!;
        review.Reviewer.Should().Be(S("S-0001"));
        review.Items.Select(i => i.Member).Should().Equal(S("S-0001"), S("S-0002"));
        review.Items.Should().OnlyContain(i => i.Decision == ReviewDecision.Pending);
    }

    [Fact]
    public void Sweep_NewGroup_IsOpenedAtTheFirstCronTimeAfterItsCreation()
    {
        CreateSut(Jst(2026, 11, 26, 10));
        W.Sweep();

        W.Sweep(Jst(2027, 1, 1, 9).AddMilliseconds(-1));
        W.Reviews("G-0300").Should().BeEmpty();

        W.Sweep(Jst(2027, 1, 1, 9));
        var review = W.Reviews("G-0300").Should().ContainSingle().Which;
        review.OpenedAt.Should().Be(Jst(2027, 1, 1, 9));
        review.DueOn.Should().Be(new DateOnly(2027, 1, 15));
    }

    [Fact]
    public void Sweep_NextQuarterWhileAReviewIsOpen_OpensNoSecondOne()
    {
        CreateSut(Jst(2026, 11, 26, 10));
        W.Sweep();
        W.OpenReview("G-0042")!.Status.Should().Be(ReviewStatus.Escalated, "day 7 passed long ago: escalated reviews count as open");

        W.Sweep(Jst(2027, 1, 2));
        W.Sweep(Jst(2027, 4, 2));

        W.Reviews("G-0042").Should().ContainSingle();
        W.Rejects(new OpenReview(G("G-0042"))).Should().Match<OpsException>(e => e.Code == ExitCode.InputRejected && e.Key == "op.review.alreadyopen");
        W.Reviews("G-0042").Should().ContainSingle("the rejected operation changed nothing");
    }

    [Fact]
    public void OpenReview_AdHoc_IsDueInFourteenDaysAndTheSweepOpensNoOther()
    {
        CreateSut(Jst(2026, 11, 26, 10));

        var review = W.Run(new OpenReview(G("G-0042")));
        W.Sweep();

        review.AdHoc.Should().BeTrue();
        review.OpenedAt.Should().Be(Jst(2026, 11, 26, 10));
        review.DueOn.Should().Be(new DateOnly(2026, 12, 10));
        W.Reviews("G-0042").Should().ContainSingle().Which.Id.Should().Be(review.Id);
        W.Reviews("G-0043").Should().ContainSingle("the sweep still opens the other groups");
    }

    [Fact]
    public void Sweep_Reminders_GoOnlyToReviewersWithPendingItems()
    {
        CreateSut(October1);
        W.Sweep();
        W.MessageKeys.Where(k => k.StartsWith("review:", StringComparison.Ordinal)).Should().BeEquivalentTo(
            "review:G-0042:2026-10-01:day0:S-0001",
            "review:G-0043:2026-10-01:day0:S-0002",
            "review:G-0301:2026-10-01:day0:S-0002");

        W.At(Jst(2026, 10, 2, 10));
        W.Run(new RecordDecision(G("G-0042"), S("S-0001"), ReviewDecision.Keep));
        W.Run(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Keep));
        W.Run(new RecordDecision(G("G-0301"), S("S-0001"), ReviewDecision.Keep), new Actor("S-0002", Channel.Slack));

        W.Sweep(Jst(2026, 10, 4, 10));

        var day3 = W.MessageKeys.Where(k => k.Contains(":day3:", StringComparison.Ordinal)).ToList();
        day3.Should().Equal("review:G-0043:2026-10-01:day3:S-0002");
        W.Reviews("G-0042").Single().Status.Should().Be(ReviewStatus.Completed);
    }

    [Fact]
    public void Sweep_ReviewerWhoAnswered_IsNotEscalatedOnDay7()
    {
        CreateSut(October1);
        W.Sweep();
        W.At(Jst(2026, 10, 2, 10));
        W.Run(new RecordDecision(G("G-0042"), S("S-0001"), ReviewDecision.Keep));
        W.Run(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Unsure));

        W.Sweep(Jst(2026, 10, 8, 10));

        W.Reviews("G-0042").Single().Status.Should().Be(ReviewStatus.Completed);
        W.MessageKeys.Should().NotContain(k => k.StartsWith("review:G-0042:2026-10-01:day7", StringComparison.Ordinal));
        var escalation = Escalations().Should().ContainSingle().Which;
        escalation.Recipient.Should().Be(S("S-0001"));
        escalation.Content.Text.Should().Contain("G-0043").And.NotContain("G-0042");
    }

    [Fact]
    public void Sweep_Escalation_LandsAtTokyoMidnightOfDay7AndNotOnDay6()
    {
        CreateSut(October1);
        W.Sweep();
        var day7 = Jst(2026, 10, 8);

        var before = W.Sweep(day7.AddMilliseconds(-1));

        before.ReviewsEscalated.Should().Be(0);
        W.OpenReview("G-0042")!.Status.Should().Be(ReviewStatus.Open);
        W.MessageKeys.Should().NotContain(k => k.Contains(":day7:", StringComparison.Ordinal));
        Escalations().Should().BeEmpty();
        W.MessageKeys.Should().Contain("review:G-0042:2026-10-01:day3:S-0001", "the day-6 sweep catches up the day-3 reminder");

        var at = W.Sweep(day7);

        at.ReviewsEscalated.Should().Be(3);
        var review = W.OpenReview("G-0042")!;
        review.Status.Should().Be(ReviewStatus.Escalated);
        review.EscalatedAt.Should().Be(day7);
        W.MessageKeys.Should().Contain("review:G-0042:2026-10-01:day7:S-0001");
        var escalations = Escalations();
        escalations.Should().NotBeEmpty().And.OnlyContain(m => m.Recipient == S("S-0001"), "the admins are the fallback reviewers");
        foreach (var group in new[] { "G-0042", "G-0043", "G-0301" })
        {
            escalations.Should().Contain(m => m.Content.Text.Contains(group, StringComparison.Ordinal), $"{group} was escalated");
        }
    }

    [Fact]
    public void Due_Review_IsDueOnItsDueDateAndOverdueAfter()
    {
        CreateSut(October1);
        W.Sweep();

        ReviewFindings(Jst(2026, 10, 14, 23, 59), "G-0042").Single().Severity.Should().Be(Severity.Upcoming);
        ReviewFindings(Jst(2026, 10, 15), "G-0042").Single().Severity.Should().Be(Severity.Due);
        ReviewFindings(Jst(2026, 10, 15, 23, 59, 59, 999), "G-0042").Single().Severity.Should().Be(Severity.Due);
        var overdue = ReviewFindings(Jst(2026, 10, 16), "G-0042").Single();
        overdue.Severity.Should().Be(Severity.Overdue);
        overdue.Due.Should().Be(new DateOnly(2026, 10, 15));
        overdue.Owner.Should().Be(S("S-0001"));
    }

    [Fact]
    public void Due_EscalatedReview_SaysSo()
    {
        CreateSut(October1);
        W.Sweep();
        W.Sweep(Jst(2026, 10, 8));

        ReviewFindings(Jst(2026, 10, 8), "G-0042").Single().Kind.Should().Be(ReviewPolicy.EscalatedKind);
    }

    [Fact]
    public void Sweep_TwiceAtTheSameInstant_EnqueuesNothingNew()
    {
        CreateSut(Jst(2026, 11, 26, 10));
        var first = W.Sweep();
        var pending = W.PendingMessages;
        var keys = W.MessageKeys;
        var reviews = W.Read(s => s.Reviews.Count());

        var second = W.Sweep();

        first.MessagesEnqueued.Should().BeGreaterThan(0);
        pending.Should().BeGreaterThan(0);
        second.Should().Be(new SweepResult(0, 0, 0));
        W.PendingMessages.Should().Be(pending);
        W.MessageKeys.Should().Equal(keys);
        W.Read(s => s.Reviews.Count()).Should().Be(reviews);
    }

    [Fact]
    public void Sweep_TwiceOnOneDayOfReminders_EnqueuesNothingNew()
    {
        CreateSut(October1);
        W.Sweep();
        W.Sweep(Jst(2026, 10, 4, 10));
        var pending = W.PendingMessages;

        W.Sweep(Jst(2026, 10, 4, 10)).MessagesEnqueued.Should().Be(0);
        W.Sweep(Jst(2026, 10, 4, 18)).MessagesEnqueued.Should().Be(0, "the day-3 reminder was sent; the next is day 7");
        W.PendingMessages.Should().Be(pending);
    }

    [Fact]
    public void Due_AtAFutureInstant_ListsTheReviewsThePolicyHoldsOpenThenWithoutASweep()
    {
        CreateSut(Jst(2026, 11, 26, 10));
        ReviewFindings(Jst(2026, 11, 26, 10), "G-0300").Should().BeEmpty();

        var f = ReviewFindings(Jst(2027, 1, 5), "G-0300").Should().ContainSingle().Which;

        f.Should().Be(new DueFinding(DueCategory.Review, ReviewPolicy.Kind, Severity.Upcoming, "G-0300", new DateOnly(2027, 1, 15), S("S-0002"), f.Detail));
        ReviewFindings(Jst(2027, 1, 5), "G-0042").Single().Due.Should().Be(new DateOnly(2027, 1, 15));
        W.Read(s => s.Reviews.Count()).Should().Be(0, "--at changes only the clock: nothing was recorded");
    }

    [Fact]
    public void Due_AfterASweep_ListsEachOpenReviewOnce()
    {
        CreateSut(Jst(2026, 11, 26, 10));
        W.Sweep();

        foreach (var at in new[] { Jst(2026, 11, 26, 10), Jst(2027, 1, 5) })
        {
            var reviews = W.Due(at).Where(f => f.Category == DueCategory.Review).ToList();
            reviews.Select(f => f.Subject).Should().OnlyHaveUniqueItems();
            reviews.Single(f => f.Subject == "G-0042").Due.Should().Be(new DateOnly(2026, 10, 15), "the open review is the one the policy holds open");
        }
    }

    [Fact]
    public void SaveGroup_ArchivedWhileItsReviewIsOpen_LeavesNoReviewOpen()
    {
        // Issue 3, property: no review is ever open on an archived group.
        CreateSut(Jst(2026, 11, 26, 10));
        W.Sweep();
        W.OpenReview("G-0043").Should().NotBeNull();

        W.Run(new SaveGroup(W.Group("G-0043") with { Status = GroupStatus.Archived }));

        W.OpenReview("G-0043").Should().BeNull("an archived group is never reviewed, so archiving it must close its open review");
    }

    [Fact]
    public void Import_GroupArchivedWhileItsReviewIsOpen_LeavesNoReviewOpen()
    {
        // Issue 3, property: no review is ever open on an archived group; imports count like operations (design §5).
        CreateSut(Jst(2026, 11, 26, 10));
        W.Sweep();
        W.OpenReview("G-0043").Should().NotBeNull();

        W.Import("groups", """
            group_code,kind,mcs_name,patient_code,owner_staff_code,status
            G-0043,patient,石井様 在宅チーム,P-0043,S-0002,archived
            """);

        W.OpenReview("G-0043").Should().BeNull("an archived group is never reviewed, so importing it as archived must close its open review");
    }

    [Fact]
    public void RecordMembership_LastMemberRemovedWhileTheReviewIsOpen_LeavesNoReviewOpen()
    {
        // Issue 3, property: no review is ever open on an empty group.
        CreateSut(Jst(2026, 11, 26, 10));
        W.Sweep();
        W.OpenReview("G-0043").Should().NotBeNull();

        W.Run(new RecordMembership(G("G-0043"), S("S-0002"), MembershipState.Removed, new DateOnly(2026, 11, 26), "MCS で退出"));

        W.OpenReview("G-0043").Should().BeNull("a group without an active member is never reviewed");
    }
}
