using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Design §5.4: a pending invitation is due 3 days after it was sent; the admin decides, with a reason when conditions fail.</summary>
public sealed class InvitationTests : IDisposable
{
    private readonly PolicyWorld _w = new PolicyWorld(Jst(2026, 11, 26, 10)).Seed();

    public void Dispose() => _w.Dispose();

    private List<DueFinding> Invitations(DateTimeOffset at) => [.. _w.Due(at).Where(f => f.Category == DueCategory.Invitation)];

    [Fact]
    public void Due_PendingInvitation_IsDueThreeDaysAfterItWasSent()
    {
        // S-0003 was invited to G-0042 on 2026-11-20.
        var f = Invitations(Jst(2026, 11, 23, 10)).Should().ContainSingle().Which;
        f.Should().Be(new DueFinding(DueCategory.Invitation, InvitationPolicy.Kind, Severity.Due, "G-0042", new DateOnly(2026, 11, 23), null, f.Detail));
        Invitations(Jst(2026, 11, 22, 23, 59)).Single().Severity.Should().Be(Severity.Upcoming);
        Invitations(Jst(2026, 11, 24)).Single().Severity.Should().Be(Severity.Overdue);
    }

    [Fact]
    public void RecordInvitation_IsAFindingFromThen()
    {
        _w.Run(new RecordInvitation(G("G-0043"), S("S-0003"), S("S-0002"), new DateOnly(2026, 11, 26)));

        Invitations(Jst(2026, 11, 26, 10)).Should().ContainSingle(f => f.Subject == "G-0043").Which.Due.Should().Be(new DateOnly(2026, 11, 29));
    }

    [Fact]
    public void DecideInvitation_ApproveWithoutReasonWhenConditionsFail_IsRejected()
    {
        var audit = _w.AuditCount;

        var e = _w.Rejects(new DecideInvitation(G("G-0042"), S("S-0003"), Approve: true, Reason: null));

        e.Code.Should().Be(ExitCode.InputRejected);
        _w.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.Invited);
        _w.Action("approve_invitation:G-0042:S-0003").Should().BeNull();
        _w.AuditCount.Should().Be(audit);
    }

    [Fact]
    public void DecideInvitation_ApproveWithReason_ActivatesMembershipAndCreatesMcsAction()
    {
        var m = _w.Run(new DecideInvitation(G("G-0042"), S("S-0003"), Approve: true, Reason: "訪問看護の担当者として確認済み"));

        m.State.Should().Be(MembershipState.Active);
        _w.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.Active);
        var action = _w.Action("approve_invitation:G-0042:S-0003")!;
        action.Kind.Should().Be(McsActionKind.ApproveInvitation);
        action.Subject.Should().Be("G-0042");
        action.Member.Should().Be(S("S-0003"));
        action.IsOpen.Should().BeTrue();
        var due = _w.Due();
        due.Should().NotContain(f => f.Category == DueCategory.Invitation);
        due.Should().ContainSingle(f => f.Category == DueCategory.McsAction && f.Kind == "approve_invitation" && f.Subject == "G-0042");
    }

    [Fact]
    public void DecideInvitation_ApproveWithoutReasonWhenConditionsHold_Succeeds()
    {
        _w.Run(new SetStaffFlags(S("S-0003"), IdentityVerified: true, ProfileComplete: true, PhotoSet: true));

        _w.Run(new DecideInvitation(G("G-0042"), S("S-0003"), Approve: true, Reason: null)).State.Should().Be(MembershipState.Active);
    }

    [Fact]
    public void DecideInvitation_Reject_NeedsAReasonAndRemoves()
    {
        _w.Run(new SetStaffFlags(S("S-0003"), true, true, true));
        _w.Rejects(new DecideInvitation(G("G-0042"), S("S-0003"), Approve: false, Reason: " ")).Code.Should().Be(ExitCode.InputRejected);

        _w.Run(new DecideInvitation(G("G-0042"), S("S-0003"), Approve: false, Reason: "担当外")).State.Should().Be(MembershipState.Removed);
        _w.Action("reject_invitation:G-0042:S-0003")!.Kind.Should().Be(McsActionKind.RejectInvitation);
    }

    private static Staff Invitee(StaffStatus status = StaffStatus.Active, bool ok = false) => new()
    {
        Code = S("S-0003"),
        Facility = FacilityCode.Parse("F-0002"),
        Name = "x",
        Profession = Profession.Nurse,
        Status = status,
        IdentityVerified = ok,
        ProfileComplete = ok,
        PhotoSet = ok,
    };

    private static Patient Refusing(string facility) => new()
    {
        Code = P("P-0042"),
        Name = "x",
        Consent = new Consent { Form = ConsentForm.Template1, RefusedFacilities = [FacilityCode.Parse(facility)] },
    };

    [Fact]
    public void FailedConditions_EveryConditionFailing_ListsThemAll() =>
        InvitationPolicy.FailedConditions(Invitee(StaffStatus.Leaving), Refusing("F-0002"))
            .Should().Equal("not_verified", "no_profile", "no_photo", "leaving", "facility_refused");

    [Fact]
    public void FailedConditions_Departed_IsListed() =>
        InvitationPolicy.FailedConditions(Invitee(StaffStatus.Departed, ok: true), null).Should().Equal("departed");

    [Fact]
    public void Conditions_ListsEveryCondition_MetOrWithTheFailureItsAuditRecords()
    {
        InvitationPolicy.Conditions(Invitee(StaffStatus.Departed, ok: true), Refusing("F-0002"))
            .Should().Equal(
                new InvitationCondition("identity_verified", null),
                new InvitationCondition("profile", null),
                new InvitationCondition("photo", null),
                new InvitationCondition("staying", "departed"),
                new InvitationCondition("facility_accepted", "facility_refused"));
        InvitationPolicy.Conditions(Invitee(ok: true), null).Should().HaveCount(5).And.OnlyContain(c => c.Met);
    }

    [Fact]
    public void FailedConditions_AllConditionsHold_IsEmpty()
    {
        InvitationPolicy.FailedConditions(Invitee(ok: true), Refusing("F-0009")).Should().BeEmpty();
        InvitationPolicy.FailedConditions(Invitee(ok: true), null).Should().BeEmpty();
    }
}
