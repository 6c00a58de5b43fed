using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Design §5.6 and §5.2: consent findings, and a transfer in needs a new consent.</summary>
public sealed class ConsentTests : IDisposable
{
    private static readonly DateOnly TransferDay = new(2026, 11, 20);

    private readonly PolicyWorld _w = new PolicyWorld(Jst(2026, 11, 26, 10)).Seed();

    public void Dispose() => _w.Dispose();

    private List<DueFinding> Consent(string group) =>
        [.. _w.Due().Where(f => f.Category == DueCategory.Consent && f.Subject == group)];

    private static Consent Signed(DateOnly on, DateOnly? withdrawn = null, params string[] refused) => new()
    {
        Form = ConsentForm.Template1,
        SignedOn = on,
        SignedBy = ConsentSigner.Patient,
        WithdrawnOn = withdrawn,
        RefusedFacilities = [.. refused.Select(FacilityCode.Parse)],
    };

    private void ExternalMemberJoins(string group) =>
        _w.Run(new RecordMembership(G(group), S("S-0003"), MembershipState.Active, new DateOnly(2026, 11, 25)));

    [Fact]
    public void Due_SeededFacility_HasNoConsentFinding()
    {
        _w.Due().Should().NotContain(f => f.Category == DueCategory.Consent, "G-0042's external member is only invited and G-0043 has home staff only");
    }

    [Fact]
    public void RecordTransferIn_WithoutNewConsent_IsAFinding()
    {
        _w.Run(new RecordTransfer(P("P-0043"), TransferDay, Incoming: true));

        var f = Consent("G-0043").Should().ContainSingle().Which;
        f.Should().Be(new DueFinding(DueCategory.Consent, ConsentPolicy.TransferWithoutConsent, Severity.Overdue, "G-0043", null, S("S-0002"), f.Detail));
    }

    [Fact]
    public void RecordTransferIn_ConsentOnFileSignedBefore_IsStillAFinding()
    {
        _w.Run(new RecordTransfer(P("P-0042"), TransferDay, Incoming: true));

        Consent("G-0042").Single().Kind.Should().Be(ConsentPolicy.TransferWithoutConsent, "P-0042's consent of 2026-04-01 predates the transfer");
    }

    [Fact]
    public void RecordConsent_SignedOnOrAfterTheTransfer_ClearsTheFinding()
    {
        _w.Run(new RecordTransfer(P("P-0043"), TransferDay, Incoming: true));

        _w.Run(new RecordConsent(P("P-0043"), Signed(TransferDay.AddDays(-1))));
        Consent("G-0043").Should().ContainSingle("a consent signed the day before the transfer is not the new one");

        _w.Run(new RecordConsent(P("P-0043"), Signed(TransferDay)));
        Consent("G-0043").Should().BeEmpty();
    }

    [Fact]
    public void Due_ExternalMemberAndNoConsent_IsAFinding()
    {
        ExternalMemberJoins("G-0043");

        var f = Consent("G-0043").Should().ContainSingle().Which;
        f.Kind.Should().Be(ConsentPolicy.NoConsent);
        f.Due.Should().BeNull();
        f.Severity.Should().Be(Severity.Overdue);
    }

    [Fact]
    public void Due_ConsentWithdrawnWithExternalMember_IsAFinding()
    {
        ExternalMemberJoins("G-0042");
        Consent("G-0042").Should().BeEmpty("P-0042 consented");

        _w.Run(new RecordConsent(P("P-0042"), Signed(new DateOnly(2026, 4, 1), withdrawn: new DateOnly(2026, 11, 25))));

        Consent("G-0042").Single().Kind.Should().Be(ConsentPolicy.Withdrawn);
    }

    [Fact]
    public void Due_MembersFacilityRefused_IsAFinding()
    {
        ExternalMemberJoins("G-0042");

        _w.Run(new RecordConsent(P("P-0042"), Signed(new DateOnly(2026, 4, 1), null, "F-0002")));

        Consent("G-0042").Single().Kind.Should().Be(ConsentPolicy.FacilityRefused);
    }

    [Fact]
    public void Due_OtherFacilityRefused_IsNoFinding()
    {
        _w.Import("facilities", """
            facility_code,name,kind,is_home
            F-0003,みどり薬局,pharmacy,false
            """);
        ExternalMemberJoins("G-0042");

        _w.Run(new RecordConsent(P("P-0042"), Signed(new DateOnly(2026, 4, 1), null, "F-0003")));

        Consent("G-0042").Should().BeEmpty();
    }

    [Fact]
    public void Due_ExternalMemberRemoved_ClearsTheFinding()
    {
        ExternalMemberJoins("G-0043");
        Consent("G-0043").Should().ContainSingle();

        _w.Run(new RecordMembership(G("G-0043"), S("S-0003"), MembershipState.Removed, new DateOnly(2026, 11, 26)));

        Consent("G-0043").Should().BeEmpty();
    }

    [Fact]
    public void SavePatient_NewWithConsent_StoresBothInOneAuditedChange()
    {
        var before = _w.AuditCount;

        _w.Run(new SavePatient(new Patient { Code = P("P-0050"), Name = "新患者", Consent = Signed(new DateOnly(2026, 11, 26), null, "F-0002") }));

        _w.Read(s => s.Patients.Find(P("P-0050")))!.Consent!.RefusedFacilities.Should().Equal(FacilityCode.Parse("F-0002"));
        var entry = _w.Read(s => s.Audit.All().Skip((int)before).ToList()).Should().ContainSingle().Which;
        entry.Action.Should().Be("patients.create");
        entry.Details.Should().Contain("template1").And.Contain("F-0002").And.NotContain("新患者");
    }

    [Fact]
    public void SavePatient_ConsentRefusingAnUnknownFacility_IsRejectedAndNothingIsStored()
    {
        var e = _w.Rejects(new SavePatient(new Patient { Code = P("P-0050"), Name = "新患者", Consent = Signed(new DateOnly(2026, 11, 26), null, "F-0999") }));

        e.Key.Should().Be("op.unknown");
        _w.Read(s => s.Patients.Find(P("P-0050"))).Should().BeNull();
    }

    [Fact]
    public void Finding_PureRules()
    {
        var external = new[] { FacilityCode.Parse("F-0002") };
        var patient = new Patient { Code = P("P-0001"), Name = "x" };

        ConsentPolicy.Finding(patient, external).Should().Be(ConsentPolicy.NoConsent);
        ConsentPolicy.Finding(patient, []).Should().BeNull();
        ConsentPolicy.Finding(patient with { Consent = Signed(new DateOnly(2026, 1, 1)) }, external).Should().BeNull();
        ConsentPolicy.Finding(patient with { Consent = Signed(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)) }, external).Should().Be(ConsentPolicy.Withdrawn);
        ConsentPolicy.Finding(patient with { Consent = Signed(new DateOnly(2026, 1, 1), null, "F-0002") }, external).Should().Be(ConsentPolicy.FacilityRefused);
        ConsentPolicy.Finding(patient with { TransferredInOn = TransferDay }, []).Should().Be(ConsentPolicy.TransferWithoutConsent);
        ConsentPolicy.Finding(patient with { TransferredInOn = TransferDay, Consent = Signed(TransferDay) }, []).Should().BeNull();
    }
}
