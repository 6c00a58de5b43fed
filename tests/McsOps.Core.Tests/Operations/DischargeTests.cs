using McsOps.Core.Scheduling;
using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Design §5.2: discharge → review cancelled, group archive_pending, archive action due in 7 days; imports alike.</summary>
public sealed class DischargeTests : IDisposable
{
    private const string DischargedPatients = """
        patient_code,name,kana,attending_staff_code,status,discharged_on,discharge_reason,consent_form,consent_signed_on,consent_signed_by
        P-0042,青木太郎,アオキタロウ,S-0001,discharged,2026-10-05,death,template1,2026-04-01,patient
        P-0043,石井和子,イシイカズコ,S-0001,active,,,,,
        """;

    private PolicyWorld? _w;

    private PolicyWorld W => _w!;

    public void Dispose() => _w?.Dispose();

    /// <summary>Seeded on 2026-10-01 09:00 Tokyo and swept: the quarterly reviews of G-0042 and G-0043 are open.</summary>
    private PolicyWorld CreateSut(PolicySettings? policy = null)
    {
        static void Build(PolicyWorld w)
        {
            w.Seed();
            w.Sweep().ReviewsOpened.Should().Be(2);
            w.At(Jst(2026, 10, 5, 14));
        }

        if (policy is null)
        {
            return _w = PolicyWorld.Prepared(nameof(DischargeTests), Jst(2026, 10, 1, 9), Build);
        }

        _w = new PolicyWorld(Jst(2026, 10, 1, 9), policy);
        Build(_w);
        return _w;
    }

    private List<DueFinding> Archive(DateTimeOffset at) =>
        [.. W.Due(at).Where(f => f is { Category: DueCategory.McsAction, Kind: "archive_group" })];

    [Fact]
    public void RecordDischarge_CancelsTheOpenReviewAndMakesTheGroupArchivePending()
    {
        CreateSut();

        var patient = W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Death));

        patient.Status.Should().Be(PatientStatus.Discharged);
        W.OpenReview("G-0042").Should().BeNull();
        var review = W.Reviews("G-0042").Should().ContainSingle().Which;
        review.Status.Should().Be(ReviewStatus.Cancelled);
        review.ClosedAt.Should().Be(Jst(2026, 10, 5, 14));
        W.Group("G-0042").Status.Should().Be(GroupStatus.ArchivePending);
        W.OpenReview("G-0043").Should().NotBeNull("only the discharged patient's group is affected");
    }

    [Fact]
    public void RecordDischarge_CreatesArchiveActionDueSevenDaysLater()
    {
        CreateSut();

        W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Hospitalized));

        var action = W.Action(Discharges.ArchiveActionKey(G("G-0042")))!;
        action.Kind.Should().Be(McsActionKind.ArchiveGroup);
        action.Subject.Should().Be("G-0042");
        action.DueOn.Should().Be(new DateOnly(2026, 10, 12));
        action.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void Due_ArchiveAction_IsDueOnDay7AndOverdueOnDay8()
    {
        CreateSut();
        W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Death));

        Archive(Jst(2026, 10, 11, 23, 59)).Single().Severity.Should().Be(Severity.Upcoming);
        var day7 = Archive(Jst(2026, 10, 12, 10)).Should().ContainSingle().Which;
        day7.Should().Be(new DueFinding(DueCategory.McsAction, "archive_group", Severity.Due, "G-0042", new DateOnly(2026, 10, 12), null, day7.Detail));
        Archive(Jst(2026, 10, 12, 23, 59, 59, 999)).Single().Severity.Should().Be(Severity.Due);
        Archive(Jst(2026, 10, 13)).Single().Severity.Should().Be(Severity.Overdue);
    }

    [Fact]
    public void Due_DischargedGroup_HasNoReviewThenOrLater()
    {
        CreateSut();
        W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Death));
        W.Sweep(Jst(2027, 1, 1, 9));

        W.OpenReview("G-0042").Should().BeNull("an archive_pending group is never reviewed");
        W.Due(Jst(2026, 10, 12)).Should().NotContain(f => f.Category == DueCategory.Review && f.Subject == "G-0042");
        W.Due(Jst(2027, 1, 5)).Should().NotContain(f => f.Category == DueCategory.Review && f.Subject == "G-0042");
        W.OpenReview("G-0043").Should().NotBeNull();
    }

    [Fact]
    public void RecordDischarge_Twice_IsRejected()
    {
        CreateSut();
        W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Death));

        W.Rejects(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 6), DischargeReason.Death)).Code.Should().Be(ExitCode.InputRejected);
        W.Action(Discharges.ArchiveActionKey(G("G-0042")))!.DueOn.Should().Be(new DateOnly(2026, 10, 12));
    }

    [Fact]
    public void MarkActionDone_Archive_ArchivesTheGroupAndThePatient()
    {
        CreateSut();
        W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Death));

        W.Run(new MarkActionDone(Discharges.ArchiveActionKey(G("G-0042")), "保管 done in MCS"));

        W.Group("G-0042").Status.Should().Be(GroupStatus.Archived);
        W.Read(s => s.Patients.Find(P("P-0042"))!.Status).Should().Be(PatientStatus.Archived);
        Archive(Jst(2026, 10, 20)).Should().BeEmpty();
    }

    [Fact]
    public void Import_PatientDischarged_MakesTheSameArchiveActionAsRecordingIt()
    {
        CreateSut();
        W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Death));
        var recorded = W.Action(Discharges.ArchiveActionKey(G("G-0042")))!;
        using var imported = new PolicyWorld(Jst(2026, 11, 26, 10)).Seed(patients: DischargedPatients);

        var action = imported.Action(Discharges.ArchiveActionKey(G("G-0042")))!;

        action.Should().BeEquivalentTo(recorded, o => o.Excluding(a => a.CreatedAt));
        imported.Group("G-0042").Status.Should().Be(GroupStatus.ArchivePending);
        imported.Due(Jst(2026, 10, 12, 10)).Should().ContainSingle(f => f.Kind == "archive_group").Which.Severity.Should().Be(Severity.Due);
        imported.Due(Jst(2026, 10, 13)).Should().ContainSingle(f => f.Kind == "archive_group").Which.Severity.Should().Be(Severity.Overdue);
    }

    [Fact]
    public void Import_PatientDischargedLater_CancelsTheOpenReviewLikeRecordingIt()
    {
        // Design §5: importing a patient as discharged has the same consequences as recording the
        // discharge — group archive_pending, open review cancelled, archive action due discharge + 7.
        CreateSut();
        W.OpenReview("G-0042").Should().NotBeNull();

        W.Import("patients", DischargedPatients);

        W.Group("G-0042").Status.Should().Be(GroupStatus.ArchivePending);
        W.Action(Discharges.ArchiveActionKey(G("G-0042")))!.DueOn.Should().Be(new DateOnly(2026, 10, 12));
        W.OpenReview("G-0042").Should().BeNull("the open review of a discharged patient's group is cancelled");
    }

    [Fact]
    public void RecordTransferOut_CancelsTheOpenReview()
    {
        // 管理施設の変更 out archives the group like a discharge: no review stays open on an archive_pending group.
        CreateSut();

        W.Run(new RecordTransfer(P("P-0042"), new DateOnly(2026, 10, 5), Incoming: false));

        W.Group("G-0042").Status.Should().Be(GroupStatus.ArchivePending);
        W.Action(Discharges.ArchiveActionKey(G("G-0042")))!.DueOn.Should().Be(new DateOnly(2026, 10, 12));
        W.OpenReview("G-0042").Should().BeNull("a transfer out makes the group archive_pending like a discharge, and an archive_pending group is never reviewed");
    }

    [Fact]
    public void RecordDischarge_ArchiveDueDaysSetting_IsHonoured()
    {
        // Design §5: "Defaults below are settings, not constants."
        CreateSut(new PolicySettings { Zone = Tokyo, ArchiveDueDays = 10 });

        W.Run(new RecordDischarge(P("P-0042"), new DateOnly(2026, 10, 5), DischargeReason.Death));

        W.Action(Discharges.ArchiveActionKey(G("G-0042")))!.DueOn.Should().Be(new DateOnly(2026, 10, 15), "PolicySettings.ArchiveDueDays is 10 here");
    }
}
