using McsOps.Core.Audit;
using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Every state-changing operation is audited, one entry per change, and the chain still verifies.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private const string Devices = """
        asset_tag,kind,holder_staff_code,offsite_approved,client_cert,status,lost_on
        D-0001,smartphone,S-0002,true,CN=sato-phone,in_use,
        D-0002,tablet,S-0002,false,,in_use,
        """;

    private static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>Seeded with two devices and swept on 2026-11-26 10:00 Tokyo: the reviews of G-0042 and G-0043 are open.</summary>
    private readonly PolicyWorld _w = PolicyWorld.Prepared(nameof(AuditTrailTests), Jst(2026, 11, 26, 10), w =>
    {
        w.Seed();
        w.Import("devices", Devices);
        w.Sweep();
    });

    public void Dispose() => _w.Dispose();

    private sealed record Case(Func<PolicyWorld, object?, object?> Run, int Entries, Func<PolicyWorld, object?>? Setup = null);

    private static Checklist Leave(PolicyWorld w) => w.Run(new MarkLeaving(S("S-0002"), new DateOnly(2026, 12, 31)));

    private static object? LeaveAndTickAll(PolicyWorld w)
    {
        foreach (var item in Leave(w).Items)
        {
            w.Run(new CompleteChecklistItem(S("S-0002"), item.Id, "done"));
        }

        return null;
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["SaveFacility"] = new((w, _) => w.Run(new SaveFacility(new Facility { Code = FacilityCode.Parse("F-0003"), Name = "みどり薬局", Kind = FacilityKind.Pharmacy })), 1),
        ["SaveStaff"] = new((w, _) => w.Run(new SaveStaff(new Staff { Code = S("S-0010"), Facility = FacilityCode.Parse("F-0001"), Name = "新人", Profession = Profession.Clerk })), 1),
        ["SavePatient"] = new((w, _) => w.Run(new SavePatient(new Patient { Code = P("P-0050"), Name = "新患者" })), 1),
        ["ViewPatient"] = new((w, _) => w.Run(new ViewPatient(P("P-0042"))), 1),
        ["SaveGroup"] = new((w, _) => w.Run(new SaveGroup(new Group { Code = G("G-0500"), Kind = GroupKind.Free, McsName = "新グループ", Owner = S("S-0001") })), 1),
        ["ReassignOwner"] = new((w, _) => w.Run(new ReassignOwner(G("G-0043"), S("S-0001"))), 1),
        ["RecordInvitation"] = new((w, _) => w.Run(new RecordInvitation(G("G-0043"), S("S-0003"), S("S-0002"), Today)), 1),
        ["DecideInvitation"] = new((w, _) => w.Run(new DecideInvitation(G("G-0042"), S("S-0003"), true, "確認済み")), 2),
        ["RecordMembership"] = new((w, _) => w.Run(new RecordMembership(G("G-0100"), S("S-0002"), MembershipState.Active, Today)), 1),
        ["RecordPasswordChange"] = new((w, _) => w.Run(new RecordPasswordChange(S("S-0002"), PasswordClass.ThirteenMixed, Today)), 1),
        ["RecordTraining"] = new((w, _) => w.Run(new RecordTrainingOrPledge(S("S-0002"), Today, Pledge: false)), 1),
        ["RecordPledge"] = new((w, _) => w.Run(new RecordTrainingOrPledge(S("S-0002"), Today, Pledge: true)), 1),
        ["SetStaffFlags"] = new((w, _) => w.Run(new SetStaffFlags(S("S-0003"), true, true, false)), 1),
        ["SetRoleGrant"] = new((w, _) => w.Run(new SetRole(S("S-0002"), StaffRoles.Admin, true, "副管理者")), 1),
        ["SetRoleRevoke"] = new((w, _) => w.Run(new SetRole(S("S-0001"), StaffRoles.Admin, false, "交代")), 2),
        ["RecordIncident"] = new((w, _) => w.Run(new RecordIncident("D-0001", "misuse", "私的利用")), 1),
        ["IssueLinkCode"] = new((w, _) => w.Run(new IssueLinkCode(S("S-0002"))), 1),
        ["LinkChatIdentity"] = new((w, code) => w.Run(new LinkChatIdentity((string)code!, Channel.Slack, "U123")), 1, w => w.Run(new IssueLinkCode(S("S-0002")))),
        ["OpenReview"] = new((w, _) => w.Run(new OpenReview(G("G-0043"))), 1, w => w.Run(new CloseReview(G("G-0043"), true, "やり直し"))),
        ["CloseReview"] = new((w, _) => w.Run(new CloseReview(G("G-0042"), false, "完了")), 1),
        ["RecordDecisionKeep"] = new((w, _) => w.Run(new RecordDecision(G("G-0042"), S("S-0001"), ReviewDecision.Keep)), 1),
        ["RecordDecisionRemove"] = new((w, _) => w.Run(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Remove)), 3),
        ["RecordDischarge"] = new((w, _) => w.Run(new RecordDischarge(P("P-0042"), Today, DischargeReason.Moved)), 4),
        ["RecordTransferIn"] = new((w, _) => w.Run(new RecordTransfer(P("P-0043"), Today, true)), 1),
        ["RecordTransferOut"] = new((w, _) => w.Run(new RecordTransfer(P("P-0043"), Today, false)), 3, w => w.Run(new CloseReview(G("G-0043"), true, "転出"))),
        ["RecordConsent"] = new((w, _) => w.Run(new RecordConsent(P("P-0043"), new Consent { Form = ConsentForm.Template2, SignedOn = Today })), 1),
        ["MarkLeaving"] = new((w, _) => w.Run(new MarkLeaving(S("S-0002"), new DateOnly(2026, 12, 31))), 2),
        ["CompleteChecklistItem"] = new((w, _) => w.Run(new CompleteChecklistItem(S("S-0002"), "delete_account", "削除済み")), 1, Leave),
        ["SignOffOffboarding"] = new((w, _) => w.Run(new SignOffOffboarding(S("S-0002"))), 2, LeaveAndTickAll),
        ["SaveDevice"] = new((w, _) => w.Run(new SaveDevice(new Device { Tag = D("D-0009"), Kind = DeviceKind.Pc })), 1),
        ["MarkDeviceLost"] = new((w, _) => w.Run(new MarkDeviceLost(D("D-0001"), Today, "紛失")), 2),
        ["MarkDeviceReturned"] = new((w, _) => w.Run(new MarkDeviceReturned(D("D-0002"), Retired: false)), 1),
        ["MarkActionDoneRemoval"] = new((w, _) => w.Run(new MarkActionDone("remove_member:G-0042:S-0002", "解除済み")), 2,
            w => w.Run(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Remove))),
        ["MarkActionDoneArchive"] = new((w, _) => w.Run(new MarkActionDone("archive_group:G-0042", "保管済み")), 3,
            w => w.Run(new RecordDischarge(P("P-0042"), Today, DischargeReason.Death))),
    };

    public static TheoryData<string> Operations => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_AddsOneAuditEntryPerChange_AndTheChainVerifies(string name)
    {
        var c = Cases[name];
        var prepared = c.Setup?.Invoke(_w);
        var before = _w.AuditCount;

        c.Run(_w, prepared);

        var added = _w.Read(s => s.Audit.All().Skip((int)before).ToList());
        added.Should().HaveCount(c.Entries, $"{name} made {c.Entries} changes; it wrote: {string.Join(", ", added.Select(e => e.Action))}");
        added.Should().OnlyContain(e => e.Actor == "S-0001" && e.Channel == Channel.Cli);
        _w.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
    }

    [Fact]
    public void Operation_Rejected_AddsNoAuditEntry()
    {
        var before = _w.AuditCount;

        _w.Rejects(new SignOffOffboarding(S("S-0002")));
        _w.Rejects(new RecordDecision(G("G-0042"), S("S-0003"), ReviewDecision.Remove));
        _w.Rejects(new OpenReview(G("G-0100")));

        _w.AuditCount.Should().Be(before);
        _w.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
    }

    [Fact]
    public void Sweep_OpeningAndEscalating_IsAuditedAsTheSystem()
    {
        using var w = new PolicyWorld(Jst(2026, 10, 1, 9)).Seed();
        var before = w.AuditCount;

        w.Sweep();
        w.Sweep(Jst(2026, 10, 8));

        var added = w.Read(s => s.Audit.All().Skip((int)before).ToList());
        added.Select(e => (e.Action, e.Subject)).Should().BeEquivalentTo(new[]
        {
            ("reviews.open", "G-0042"), ("reviews.open", "G-0043"), ("reviews.escalate", "G-0042"), ("reviews.escalate", "G-0043"),
        });
        added.Should().OnlyContain(e => e.Actor == "system" && e.Channel == Channel.System);
        w.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
    }
}
