using McsOps.Core.Scheduling;
using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Design §5.1: a remove decision never removes anyone; it makes removal_pending and an MCS action, and the reviewer is told when it is done.</summary>
public sealed class ReviewDecisionTests : IDisposable
{
    /// <summary>S-0003 (external, F-0002) is an active member of G-0042.</summary>
    private const string Memberships = """
        group_code,staff_code,state,invited_by,invited_on
        G-0042,S-0001,active,,
        G-0042,S-0002,active,,
        G-0042,S-0003,active,S-0001,2026-06-01
        G-0043,S-0002,active,,
        """;

    private PolicyWorld? _w;

    private PolicyWorld W => _w!;

    public void Dispose() => _w?.Dispose();

    /// <summary>Swept on 2026-11-26 10:00 Tokyo: G-0042's review (opened for 2026-10-01) is open.</summary>
    private PolicyWorld CreateSut(PolicySettings? policy = null)
    {
        _w = policy is null
            ? PolicyWorld.Prepared(nameof(ReviewDecisionTests), Jst(2026, 11, 26, 10), w => w.Seed(memberships: Memberships).Sweep())
            : new PolicyWorld(Jst(2026, 11, 26, 10), policy).Seed(memberships: Memberships);
        if (policy is not null)
        {
            _w.Sweep();
        }

        _w.OpenReview("G-0042")!.Items.Select(i => i.Member.Value).Should().Equal("S-0001", "S-0002", "S-0003");
        return _w;
    }

    private const string RemoveKey = "remove_member:G-0042:S-0003";

    [Fact]
    public void RecordDecision_RemoveExternalWithoutJustification_IsRejected()
    {
        CreateSut();
        var audit = W.AuditCount;

        var e = W.Rejects(new RecordDecision(G("G-0042"), S("S-0003"), ReviewDecision.Remove));

        e.Code.Should().Be(ExitCode.InputRejected);
        e.Key.Should().Be("op.review.justify");
        W.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.Active);
        W.Action(RemoveKey).Should().BeNull();
        W.OpenReview("G-0042")!.Items.Single(i => i.Member == S("S-0003")).Decision.Should().Be(ReviewDecision.Pending);
        W.AuditCount.Should().Be(audit);
    }

    [Fact]
    public void RecordDecision_RemoveExternalWithoutJustification_IsAllowedWhenTheSettingIsOff()
    {
        CreateSut(new PolicySettings { Zone = Tokyo, RequireRemovalJustificationForExternal = false });

        W.Run(new RecordDecision(G("G-0042"), S("S-0003"), ReviewDecision.Remove));

        W.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.RemovalPending);
    }

    [Fact]
    public void RecordDecision_Remove_MakesRemovalPendingAndAnMcsAction()
    {
        CreateSut();

        W.Run(new RecordDecision(G("G-0042"), S("S-0003"), ReviewDecision.Remove, "担当終了"));

        W.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.RemovalPending, "McsOps never removes anyone by itself");
        var action = W.Action(RemoveKey)!;
        action.Kind.Should().Be(McsActionKind.RemoveMember);
        action.Subject.Should().Be("G-0042");
        action.Member.Should().Be(S("S-0003"));
        action.DueOn.Should().Be(new DateOnly(2026, 12, 3));
        W.Due().Should().ContainSingle(f => f.Category == DueCategory.McsAction && f.Kind == "remove_member" && f.Subject == "G-0042");
    }

    [Fact]
    public void RecordDecision_RemoveHomeMemberWithoutJustification_IsAccepted()
    {
        CreateSut();

        W.Run(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Remove));

        W.Membership("G-0042", "S-0002").State.Should().Be(MembershipState.RemovalPending);
        W.Action("remove_member:G-0042:S-0002").Should().NotBeNull();
    }

    [Fact]
    public void RecordDecision_BySomeoneElseInChat_IsNotPermitted()
    {
        CreateSut();

        W.Rejects(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Keep), new Actor("S-0002", Channel.Slack))
            .Code.Should().Be(ExitCode.NotPermitted);
    }

    [Fact]
    public void RecordDecision_LastPendingItem_CompletesTheReview()
    {
        CreateSut();

        W.Run(new RecordDecision(G("G-0042"), S("S-0001"), ReviewDecision.Keep));
        W.Run(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Keep));
        W.OpenReview("G-0042").Should().NotBeNull();
        W.Run(new RecordDecision(G("G-0042"), S("S-0003"), ReviewDecision.Keep), new Actor("S-0001", Channel.Slack));

        W.OpenReview("G-0042").Should().BeNull();
        var review = W.Reviews("G-0042").Single();
        review.Status.Should().Be(ReviewStatus.Completed);
        review.Items.Single(i => i.Member == S("S-0003")).Channel.Should().Be(Channel.Slack);
    }

    [Fact]
    public void MarkActionDone_Removal_RemovesTheMemberAndTellsTheReviewer()
    {
        CreateSut();
        W.Run(new RecordDecision(G("G-0042"), S("S-0003"), ReviewDecision.Remove, "担当終了"));
        W.At(Jst(2026, 11, 27, 11));
        var before = W.PendingMessages;

        W.Run(new MarkActionDone(RemoveKey, "MCS で解除済み"));

        W.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.Removed);
        W.Action(RemoveKey)!.IsOpen.Should().BeFalse();
        W.PendingMessages.Should().Be(before + 1);
        var m = W.Messages.Should().ContainSingle(x => x.Kind == "removal_done").Which;
        m.Recipient.Should().Be(S("S-0001"), "S-0001 owns G-0042 and is its reviewer");
        m.Content.Text.Should().Contain("S-0003").And.Contain("G-0042").And.NotContain("青木");
        W.Due().Should().NotContain(f => f.Kind == "remove_member");
    }

    [Fact]
    public void MarkActionDone_Twice_IsRejected()
    {
        CreateSut();
        W.Run(new RecordDecision(G("G-0042"), S("S-0003"), ReviewDecision.Remove, "担当終了"));
        W.Run(new MarkActionDone(RemoveKey, "done"));

        W.Rejects(new MarkActionDone(RemoveKey, "again")).Code.Should().Be(ExitCode.InputRejected);
    }
}
