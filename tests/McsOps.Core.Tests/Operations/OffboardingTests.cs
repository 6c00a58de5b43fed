using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Design §5.5: the leaver's checklist is built from current state; sign-off only when every item is done.</summary>
public sealed class OffboardingTests : IDisposable
{
    /// <summary>S-0002 is in G-0042, G-0043 (owner) and the free group G-0100; holds D-0001 (with a client certificate) and D-0002.</summary>
    private const string Memberships = """
        group_code,staff_code,state,invited_by,invited_on
        G-0042,S-0001,active,,
        G-0042,S-0002,active,,
        G-0042,S-0003,invited,S-0001,2026-11-20
        G-0043,S-0002,active,,
        G-0100,S-0002,active,,
        """;

    private const string Devices = """
        asset_tag,kind,holder_staff_code,offsite_approved,client_cert,status,lost_on
        D-0001,smartphone,S-0002,true,CN=sato-phone,in_use,
        D-0002,tablet,S-0002,false,,in_use,
        D-0003,pc,S-0001,false,CN=yamada-pc,in_use,
        D-0004,smartphone,S-0002,false,,returned,
        """;

    private static readonly DateOnly LastDay = new(2026, 12, 31);

    private readonly PolicyWorld _w = new(Jst(2026, 11, 26, 10));

    public OffboardingTests()
    {
        _w.Seed(memberships: Memberships);
        _w.Import("devices", Devices);
    }

    public void Dispose() => _w.Dispose();

    private static IEnumerable<string?> Subjects(Checklist c, ChecklistItemKind kind) => c.Items.Where(i => i.Kind == kind).Select(i => i.Subject);

    [Fact]
    public void MarkLeaving_BuildsOneItemPerGroupAndPerDevice()
    {
        var c = _w.Run(new MarkLeaving(S("S-0002"), LastDay));

        Subjects(c, ChecklistItemKind.LeaveGroup).Should().BeEquivalentTo("G-0042", "G-0043", "G-0100");
        Subjects(c, ChecklistItemKind.HandOverGroup).Should().BeEquivalentTo(["G-0043"]);
        Subjects(c, ChecklistItemKind.ReturnDevice).Should().BeEquivalentTo("D-0001", "D-0002");
        Subjects(c, ChecklistItemKind.RevokeCertificate).Should().BeEquivalentTo(["D-0001"]);
        c.Items.Select(i => i.Kind).Should().Contain([ChecklistItemKind.DeleteAccount, ChecklistItemKind.ReleaseStaff, ChecklistItemKind.AcknowledgeConfidentiality]);
        c.Items.Should().NotContain(i => i.Kind == ChecklistItemKind.RevokeAdmin, "S-0002 is not an admin");
        c.Items.Select(i => i.Id).Should().OnlyHaveUniqueItems();
        c.LastDay.Should().Be(LastDay);
        _w.Staff("S-0002").Status.Should().Be(StaffStatus.Leaving);
    }

    [Fact]
    public void MarkLeaving_Admin_AlsoRevokesAdminAndHandsOverTheirGroups()
    {
        var c = _w.Run(new MarkLeaving(S("S-0001"), LastDay));

        Subjects(c, ChecklistItemKind.HandOverGroup).Should().BeEquivalentTo("G-0042", "G-0100");
        Subjects(c, ChecklistItemKind.LeaveGroup).Should().BeEquivalentTo(["G-0042"]);
        Subjects(c, ChecklistItemKind.ReturnDevice).Should().BeEquivalentTo(["D-0003"]);
        Subjects(c, ChecklistItemKind.RevokeCertificate).Should().BeEquivalentTo(["D-0003"]);
        c.Items.Should().ContainSingle(i => i.Kind == ChecklistItemKind.RevokeAdmin);
    }

    [Fact]
    public void Due_OpenChecklistItems_AreOffboardingFindingsOfTheLeaver()
    {
        var c = _w.Run(new MarkLeaving(S("S-0002"), LastDay));

        var findings = _w.Due(Jst(2026, 12, 31, 10)).Where(f => f.Category == DueCategory.Offboarding).ToList();

        findings.Should().HaveCount(c.Items.Count, "every item is due by 01-01, within the horizon");
        findings.Should().OnlyContain(f => f.Subject == "S-0002");
        findings.Should().Contain(f => f.Kind == "return_device" && f.Owner == S("S-0002") && f.Severity == Severity.Due && f.Due == LastDay);
        findings.Should().ContainSingle(f => f.Kind == "release_staff").Which.Should().Match<DueFinding>(f => f.Owner == null && f.Due == LastDay.AddDays(1) && f.Severity == Severity.Upcoming);
    }

    [Fact]
    public void SignOffOffboarding_WhileAnItemIsOpen_IsRefused()
    {
        var c = _w.Run(new MarkLeaving(S("S-0002"), LastDay));
        var audit = _w.AuditCount;

        var e = _w.Rejects(new SignOffOffboarding(S("S-0002")));

        e.Code.Should().Be(ExitCode.InputRejected);
        e.Key.Should().Be("op.checklist.open");
        _w.Staff("S-0002").Status.Should().Be(StaffStatus.Leaving);
        _w.AuditCount.Should().Be(audit, "a refused operation changes nothing");
        c.Items.Should().NotBeEmpty();
    }

    [Fact]
    public void SignOffOffboarding_LastItemStillOpen_IsRefusedAndOnceAllAreDone_Succeeds()
    {
        var c = _w.Run(new MarkLeaving(S("S-0002"), LastDay));
        foreach (var item in c.Items.SkipLast(1))
        {
            _w.Run(new CompleteChecklistItem(S("S-0002"), item.Id, "done"));
        }

        _w.Rejects(new SignOffOffboarding(S("S-0002"))).Args.Should().Contain(c.Items[^1].Id);

        _w.Run(new CompleteChecklistItem(S("S-0002"), c.Items[^1].Id, "done"));
        var signed = _w.Run(new SignOffOffboarding(S("S-0002")));

        signed.IsOpen.Should().BeFalse();
        signed.SignedOffBy.Should().Be("S-0001");
        _w.Staff("S-0002").Status.Should().Be(StaffStatus.Departed);
        _w.Due(Jst(2027, 1, 5)).Should().NotContain(f => f.Category == DueCategory.Offboarding);
    }

    [Fact]
    public void Sweep_OpenChecklist_RemindsTheLeaverOfTheirItemsAndTheAdminsOfTheirs()
    {
        _w.Run(new MarkLeaving(S("S-0002"), LastDay));

        _w.Sweep(Jst(2026, 11, 27, 10));
        _w.Sweep(Jst(2026, 11, 27, 15));

        var reminders = _w.Messages.Where(m => m.Kind == "checklist_reminder").ToList();
        reminders.Select(m => (m.Key, m.Recipient)).Should().BeEquivalentTo(new[]
        {
            ("checklist:S-0002:S-0002:2026-11-27", S("S-0002")),
            ("checklist:S-0002:S-0001:2026-11-27", S("S-0001")),
        });
        reminders.Single(m => m.Recipient == S("S-0002")).Content.Fields.Select(f => f.Value).Should().Contain(["G-0042", "D-0001"]);
    }
}
