using McsOps.Core.Application;
using McsOps.Core.Audit;
using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>
/// MHLW GL §17: opening a patient's personal data is logged — one <c>view</c> entry per opening,
/// naming the patient by code only; re-reading an open screen adds none.
/// </summary>
public sealed class ViewPatientTests : IDisposable
{
    private readonly PolicyWorld _w = new PolicyWorld(Jst(2026, 11, 26, 10)).Seed();

    public void Dispose() => _w.Dispose();

    private List<AuditEntry> AuditSince(long before) => _w.Read(s => s.Audit.All().Skip((int)before).ToList());

    [Fact]
    public void ViewPatient_AddsOneViewEntry_NamingThePatientByCodeOnly()
    {
        var before = _w.AuditCount;

        var detail = _w.Run(new ViewPatient(P("P-0042")));

        detail.Patient.Name.Should().Be("青木太郎", "the caller sees the personal data it opened");
        detail.Groups.Select(g => g.Group.Code.Value).Should().Equal("G-0042");
        var entry = AuditSince(before).Should().ContainSingle().Which;
        entry.Action.Should().Be("view");
        entry.Subject.Should().Be("P-0042");
        entry.Actor.Should().Be("S-0001");
        entry.Channel.Should().Be(Channel.Cli);
        foreach (var personal in new[] { "青木", "太郎", "アオキ", "タロウ", "青木様" })
        {
            entry.Details.Should().NotContain(personal);
            entry.Subject.Should().NotContain(personal);
        }

        _w.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
    }

    [Fact]
    public void ViewPatient_EachOpening_IsOneEntry_AndTheRefreshQueryAddsNone()
    {
        var before = _w.AuditCount;

        _w.Run(new ViewPatient(P("P-0042")));
        _w.Run(new GetPatientDetail(P("P-0042")));
        _w.Run(new GetPatientDetail(P("P-0042")));
        _w.Run(new ViewPatient(P("P-0042")));

        AuditSince(before).Select(e => (e.Action, e.Subject)).Should().Equal(("view", "P-0042"), ("view", "P-0042"));
    }

    [Fact]
    public void ViewPatient_UnknownCode_IsRejected_AndAddsNoEntry()
    {
        var before = _w.AuditCount;

        _w.Rejects(new ViewPatient(P("P-9999"))).Key.Should().Be("op.unknown");

        _w.AuditCount.Should().Be(before);
    }

    [Fact]
    public void ViewPatient_ByTheReadOnlyAuditor_RunsAndIsAudited_WhileChangesAreRefused()
    {
        var auditor = new LocalOpsClient(_w.Ops, new Actor("S-0005", Channel.Tui), readOnly: true);
        var before = _w.AuditCount;

        auditor.Execute(new ViewPatient(P("P-0043"))).Patient.Code.Should().Be(P("P-0043"));
        var change = () => auditor.Execute(new SavePatient(new Patient { Code = P("P-0043"), Name = "x" }));

        change.Should().Throw<OpsException>().Which.Key.Should().Be("op.readonly");
        AuditSince(before).Should().ContainSingle().Which.Should().Match<AuditEntry>(e => e.Action == "view" && e.Actor == "S-0005" && e.Channel == Channel.Tui);
    }

    [Fact]
    public void ViewPatient_ShowsTheConsentFindingOfATransferIn()
    {
        _w.Run(new RecordTransfer(P("P-0043"), new DateOnly(2026, 11, 20), Incoming: true));

        _w.Run(new ViewPatient(P("P-0043"))).ConsentFinding.Should().Be(ConsentPolicy.TransferWithoutConsent);

        _w.Run(new RecordConsent(P("P-0043"), new Consent { Form = ConsentForm.Template1, SignedOn = new DateOnly(2026, 11, 21) }));
        _w.Run(new GetPatientDetail(P("P-0043"))).ConsentFinding.Should().BeNull();
    }
}
