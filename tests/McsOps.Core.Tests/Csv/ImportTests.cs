using System.Text;
using McsOps.Core.Csv;

namespace McsOps.Core.Tests.Csv;

public sealed class ImportTests : IDisposable
{
    private readonly TestStore _t = new();

    public ImportTests()
    {
        _t.Import("facilities", TestStore.Csv.Facilities).Rejected.Should().BeFalse();
        _t.Import("staff", TestStore.Csv.Staff).Rejected.Should().BeFalse();
    }

    public void Dispose() => _t.Dispose();

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private (long Counter, long Audit) Snapshot() => (_t.Store.ChangeCounter, _t.Store.Read(s => s.Audit.Count()));

    private IReadOnlyList<string> Rejects(string kind, string csv)
    {
        var before = Snapshot();
        var result = _t.Import(kind, csv, "in.csv");
        result.Rejected.Should().BeTrue();
        Snapshot().Should().Be(before, "a rejected file writes nothing");
        return result.Errors.Select(e => e.Format(Lang.En)).ToList();
    }

    [Fact]
    public void Import_NewFile_CreatesAuditsEachRecordAndReports()
    {
        var result = _t.Import("patients", TestStore.Csv.Patients);

        result.Should().BeEquivalentTo(new { Kind = "patients", Created = 2, Updated = 0, Unchanged = 0 });
        _t.Store.Read(s => s.Audit.All().Count(a => a.Action == "patients.create")).Should().Be(2);
    }

    [Fact]
    public void Import_SameFileTwice_WritesNothingTheSecondTime()
    {
        _t.Seed();
        var before = Snapshot();

        foreach (var (kind, csv) in new[] { ("facilities", TestStore.Csv.Facilities), ("staff", TestStore.Csv.Staff), ("patients", TestStore.Csv.Patients), ("groups", TestStore.Csv.Groups), ("memberships", TestStore.Csv.Memberships) })
        {
            var again = _t.Import(kind, csv);
            again.Created.Should().Be(0);
            again.Updated.Should().Be(0, kind);
        }

        Snapshot().Should().Be(before);
    }

    [Fact]
    public void Import_ChangedRow_UpdatesAndAuditsTheChangedColumnsOnly()
    {
        var changed = TestStore.Csv.Staff.Replace("S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,active,,", "S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,leaving,2026-12-31,", StringComparison.Ordinal);

        var result = _t.Import("staff", changed);

        result.Should().BeEquivalentTo(new { Created = 0, Updated = 1, Unchanged = 2 });
        var entry = _t.Store.Read(s => s.Audit.All().Last(a => a.Action == "staff.update"));
        entry.Subject.Should().Be("S-0002");
        entry.Details.Should().EndWith("changed: status,last_day");
        entry.Details.Should().NotContain("佐藤");
    }

    [Fact]
    public void Import_RowMissingFromALaterFile_IsLeftAsItIs()
    {
        _t.Import("staff", Lines("staff_code,facility_code,name,profession", "S-0001,F-0001,山田一郎,doctor")).Rejected.Should().BeFalse();
        _t.Store.Read(s => s.Staff.Count()).Should().Be(3);
    }

    [Fact]
    public void Import_DryRun_CountsButWritesNothing()
    {
        var before = Snapshot();
        var result = _t.Import("patients", TestStore.Csv.Patients, dryRun: true);
        result.Created.Should().Be(2);
        Snapshot().Should().Be(before);
        _t.Store.Read(s => s.Patients.Count()).Should().Be(0);
    }

    [Fact]
    public void Import_ThreeBadRowsAmongAThousand_RejectsAllAndReportsEachLine()
    {
        var sb = new StringBuilder("staff_code,facility_code,name,profession,last_training_on\n");
        for (var i = 1; i <= 1003; i++)
        {
            var line = i switch
            {
                100 => $"X-{i:0000},F-0404,名前{i},nurse,",      // unknown facility
                500 => $"X-{i:0000},F-0001,名前{i},nurse,2026-13-01", // bad date
                900 => $"X-{i:0000},F-0001,名前{i},astronaut,",   // bad enum
                _ => $"X-{i:0000},F-0001,名前{i},nurse,2026/1/5",
            };
            sb.Append(line).Append('\n');
        }

        var errors = Rejects("staff", sb.ToString());

        errors.Should().Equal(
            "in.csv:101: facility_code: F-0404 is not known",
            "in.csv:501: last_training_on: cannot read the date '2026-13-01' (yyyy-MM-dd or yyyy/M/d)",
            "in.csv:901: profession: 'astronaut' is not allowed (allowed: doctor, dentist, nurse, pharmacist, care_manager, therapist, care_worker, clerk, other)");
        _t.Store.Read(s => s.Staff.Count()).Should().Be(3);
    }

    [Fact]
    public void Import_ErrorsAreJapaneseByDefault()
    {
        var result = _t.Import("staff", Lines("staff_code,facility_code,name,profession", "S-0009,F-0404,名前,nurse"), "in.csv");
        result.Errors.Single().Format(Lang.Ja).Should().Be("in.csv:2: facility_code: F-0404 は登録されていません");
    }

    [Theory]
    [InlineData("staff_code,facility_code,name,profession\nS-0009,F-0001,,nurse\n", "in.csv:2: name: required field is empty")]
    [InlineData("staff_code,facility_code,name,profession\nS 0009,F-0001,名前,nurse\n", "in.csv:2: staff_code: 'S 0009' is not a valid code (1-32 letters, digits, - or _)")]
    [InlineData("staff_code,facility_code,name,profession\nS-0009,F-0001,名前,nurse\nS-0009,F-0001,別名,nurse\n", "in.csv:3: staff_code: S-0009 appears twice in the file (also on line 2)")]
    [InlineData("staff_code,facility_code,name,profession,photo_set\nS-0009,F-0001,名前,nurse,maybe\n", "in.csv:2: photo_set: 'maybe' is not a boolean (true/false/yes/no/1/0/はい/いいえ)")]
    [InlineData("staff_code,facility_code,name,profession,status\nS-0009,F-0001,名前,nurse,leaving\n", "in.csv:2: last_day: status leaving needs a last day")]
    [InlineData("staff_code,facility_code,name,profession,email\nS-0009,F-0001,名前,nurse,not-an-address\n", "in.csv:2: email: 'not-an-address' is not an e-mail address")]
    [InlineData("staff_code,facility_code,name,profession,shoe_size\nS-0009,F-0001,名前,nurse,27\n", "in.csv:1: shoe_size: unknown column (known columns: staff_code,facility_code,name,kana,profession,email,roles,status,last_day,identity_verified,profile_complete,photo_set,password_class,password_changed_on,pledge_signed_on,last_training_on,slack_user_id,teams_user_id,os_user)")]
    [InlineData("staff_code,facility_code,name\nS-0009,F-0001,名前\n", "in.csv:1: profession: a required column is missing")]
    [InlineData("staff_code,facility_code,name,name,profession\nS-0009,F-0001,名前,名前,nurse\n", "in.csv:1: name: the column appears twice")]
    [InlineData("staff_code,facility_code,name,profession\nS-0009,F-0001,名前,nurse,extra\n", "in.csv:2: 5 fields, more than the 4 columns of the header")]
    [InlineData("staff_code,facility_code,name,profession\nS-0009,F-0001,\"名前,nurse\n", "in.csv:2: not readable as CSV (an unclosed quote?)")]
    [InlineData("staff_code,facility_code,name,profession\nS-0009,F-0001,名\u0000前,nurse\n", "in.csv:2: name: contains a character that is not allowed (a control character or a BOM)")]
    [InlineData("staff_code,facility_code,name,profession\nS-0009,F-0001,名\uFEFF前,nurse\n", "in.csv:2: name: contains a character that is not allowed (a control character or a BOM)")]
    [InlineData("staff_code,facility_code,name,profession,os_user\nS-0009,F-0001,名前,nurse,yamada\nS-0010,F-0001,名前,nurse,yamada\n", "in.csv:3: os_user: the OS user yamada already belongs to S-0009")]
    [InlineData("", "in.csv:1: the header row is missing")]
    public void Import_BadStaffInput_IsRejectedWithItsReason(string csv, string expected)
    {
        Rejects("staff", csv).Should().Contain(expected);
    }

    [Fact]
    public void Import_OversizedField_IsRejected()
    {
        var csv = "staff_code,facility_code,name,profession\nS-0009,F-0001," + new string('あ', 1_000_000) + ",nurse\n";
        Rejects("staff", csv).Should().Equal("in.csv:2: name: longer than 1000 characters");
    }

    [Fact]
    public void Import_Facilities_SecondHomeOrNoHome_IsRejected()
    {
        Rejects("facilities", "facility_code,name,kind,is_home\nF-0003,別の診療所,clinic,true\n")
            .Should().Equal("in.csv:2: is_home: there is exactly one home facility (F-0001 is it)");
        Rejects("facilities", "facility_code,name,kind,is_home\nF-0001,山田クリニック,clinic,false\n")
            .Should().Equal("in.csv:1: is_home: no home facility (is_home=true); exactly one is needed");
    }

    [Fact]
    public void Import_Groups_PatientGroupRules_AreEnforced()
    {
        _t.Import("patients", TestStore.Csv.Patients).Rejected.Should().BeFalse();

        Rejects("groups", "group_code,kind,mcs_name,patient_code\nG-0001,patient,名前,\n")
            .Should().Equal("in.csv:2: patient_code: a patient group needs exactly one patient");
        Rejects("groups", "group_code,kind,mcs_name,patient_code\nG-0001,free,名前,P-0042\n")
            .Should().Equal("in.csv:2: patient_code: a free group has no patient");
        Rejects("groups", "group_code,kind,mcs_name,patient_code\nG-0001,patient,名前,P-0404\n")
            .Should().Equal("in.csv:2: patient_code: P-0404 is not known");
        Rejects("groups", "group_code,kind,mcs_name,patient_code\nG-0001,patient,名前,P-0042\nG-0002,patient,名前,P-0042\n")
            .Should().Equal("in.csv:3: patient_code: patient P-0042 already has a patient group that is not archived (G-0001)");
        Rejects("groups", "group_code,kind,mcs_name,review_cron\nG-0001,free,名前,every day\n")
            .Should().Equal("in.csv:2: review_cron: configuration every day is invalid: {1}".Replace("configuration every day is invalid: {1}", "not a cron expression ('every day')", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_Groups_ArchivedSecondGroupOfAPatient_IsAllowed()
    {
        _t.Import("patients", TestStore.Csv.Patients).Rejected.Should().BeFalse();
        _t.Import("groups", "group_code,kind,mcs_name,patient_code,status\nG-0001,patient,名前,P-0042,archived\nG-0002,patient,名前,P-0042,active\n")
            .Rejected.Should().BeFalse();
    }

    [Fact]
    public void Import_Memberships_UnknownGroupOrStaff_IsRejected()
    {
        _t.Seed();
        Rejects("memberships", "group_code,staff_code,state\nG-0404,S-0001,active\nG-0042,S-0404,active\nG-0042,S-0001,member\n")
            .Should().Equal(
                "in.csv:2: group_code: G-0404 is not known",
                "in.csv:3: staff_code: S-0404 is not known",
                "in.csv:4: state: 'member' is not allowed (allowed: invited, active, removal_pending, removed)");
        Rejects("memberships", "group_code,staff_code,state\nG-0042,S-0003,invited\n")
            .Should().Equal("in.csv:2: invited_on: state invited needs the invitation date");
    }

    [Fact]
    public void Import_Patients_DischargeNeedsDateAndReason_ConsentNeedsForm()
    {
        Rejects("patients", "patient_code,name,status\nP-0001,名前,discharged\n")
            .Should().Equal(
                "in.csv:2: discharged_on: status discharged needs the discharge date",
                "in.csv:2: discharge_reason: status discharged needs a discharge reason");
        Rejects("patients", "patient_code,name,consent_signed_on\nP-0001,名前,2026-01-01\n")
            .Should().Equal("in.csv:2: consent_form: consent fields are set but consent_form is empty");
        Rejects("patients", "patient_code,name,consent_form,consent_refused_facilities\nP-0001,名前,template2,F-0002;F-0404\n")
            .Should().Equal("in.csv:2: consent_refused_facilities: F-0404 is not known");
    }

    [Fact]
    public void Import_Devices_LostNeedsDate_HolderMustExist()
    {
        Rejects("devices", "asset_tag,kind,holder_staff_code,status\nD-0001,smartphone,S-0404,in_use\nD-0002,tablet,S-0001,lost\n")
            .Should().Equal(
                "in.csv:2: holder_staff_code: S-0404 is not known",
                "in.csv:3: lost_on: status lost needs the date it was lost");
    }

    [Fact]
    public void Import_FullWidthAndLowerCaseCodes_AreNormalised()
    {
        _t.Import("patients", "patient_code,name,attending_staff_code\nｐ－００４２,青木太郎,s-0001\n").Rejected.Should().BeFalse();
        var p = _t.Store.Read(s => s.Patients.Find(PatientCode.Parse("P-0042")))!;
        p.AttendingStaff!.Value.Value.Should().Be("S-0001");
    }

    [Fact]
    public void Import_ExcelStyleValues_AreAccepted()
    {
        var result = _t.Import("staff", "staff_code,facility_code,name,profession,identity_verified,photo_set,last_training_on,roles\r\nS-0009,F-0001,名前,理学療法士,TRUE,はい,2026/1/5,admin;AUDITOR\r\n");
        result.Rejected.Should().BeFalse();
        var s = _t.Store.Read(x => x.Staff.Find(StaffCode.Parse("S-0009")))!;
        s.Profession.Should().Be(Profession.Therapist);
        s.IdentityVerified.Should().BeTrue();
        s.PhotoSet.Should().BeTrue();
        s.LastTrainingOn.Should().Be(new DateOnly(2026, 1, 5));
        s.Roles.Should().Be(StaffRoles.Admin | StaffRoles.Auditor);
    }

    [Fact]
    public void Import_QuotedFieldsWithCommasQuotesAndNewlines_KeepLineNumbersPhysical()
    {
        var csv = "facility_code,name,kind,is_home\n"
            + "F-0010,\"田中,内科\",clinic,false\n"
            + "F-0011,\"複数\n行の\n名前\",clinic,false\n"
            + "F-0012,\"引用符\"\"入り\",clinic,false\n"
            + "F-0013,名前,spaceship,false\n";

        var errors = Rejects("facilities", csv);

        errors.Should().Equal("in.csv:7: kind: 'spaceship' is not allowed (allowed: clinic, hospital, home_nursing, pharmacy, care_management, care_provider, other)");
        _t.Import("facilities", csv.Replace("spaceship", "other", StringComparison.Ordinal)).Rejected.Should().BeFalse();
        _t.Store.Read(s => s.Facilities.Find(FacilityCode.Parse("F-0011"))!.Name).Should().Be("複数\n行の\n名前");
        _t.Store.Read(s => s.Facilities.Find(FacilityCode.Parse("F-0012"))!.Name).Should().Be("引用符\"入り");
    }

    [Fact]
    public void Import_Cp932File_ReadsKanjiCorrectly()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes("staff_code,facility_code,name,kana,profession\r\nS-0009,F-0001,髙橋美穂,タカハシミホ,看護師\r\n");
        var path = Path.Combine(_t.Directory, "sjis.csv");
        File.WriteAllBytes(path, bytes);

        var result = Importer.Import(_t.Store, CsvKinds.Find("staff")!, path, TestStore.Admin, new ImportOptions(_t.Time));

        result.Rejected.Should().BeFalse();
        var s = _t.Store.Read(x => x.Staff.Find(StaffCode.Parse("S-0009")))!;
        s.Name.Should().Be("髙橋美穂");
        s.Kana.Should().Be("タカハシミホ");
    }

    [Fact]
    public void Import_Utf8WithBom_ReadsTheFirstColumn()
    {
        var path = Path.Combine(_t.Directory, "bom.csv");
        File.WriteAllText(path, "staff_code,facility_code,name,profession\nS-0009,F-0001,名前,nurse\n", new UTF8Encoding(true));

        Importer.Import(_t.Store, CsvKinds.Find("staff")!, path, TestStore.Admin, new ImportOptions(_t.Time))
            .Rejected.Should().BeFalse();
    }

    [Fact]
    public void Import_DischargedPatient_MakesTheGroupArchivePendingWithAnArchiveActionDueInSevenDays()
    {
        _t.Seed();

        _t.Import("patients", "patient_code,name,status,discharged_on,discharge_reason\nP-0042,青木太郎,discharged,2026-11-20,死亡\n").Rejected.Should().BeFalse();

        _t.Store.Read(s => s.Groups.Find(GroupCode.Parse("G-0042"))!.Status).Should().Be(GroupStatus.ArchivePending);
        var action = _t.Store.Read(s => s.Actions.Find("archive_group:G-0042"))!;
        action.Kind.Should().Be(McsActionKind.ArchiveGroup);
        action.DueOn.Should().Be(new DateOnly(2026, 11, 27));
        action.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void Import_GroupOfAnAlreadyDischargedPatient_IsStoredArchivePendingAndReimportIsANoOp()
    {
        _t.Import("patients", "patient_code,name,status,discharged_on,discharge_reason\nP-0050,名前,discharged,2026-11-01,moved\n").Rejected.Should().BeFalse();
        const string groups = "group_code,kind,mcs_name,patient_code,status\nG-0050,patient,名前,P-0050,active\n";

        _t.Import("groups", groups).Created.Should().Be(1);
        var before = Snapshot();
        _t.Import("groups", groups).Unchanged.Should().Be(1);

        Snapshot().Should().Be(before);
        _t.Store.Read(s => s.Groups.Find(GroupCode.Parse("G-0050"))!.Status).Should().Be(GroupStatus.ArchivePending);
        _t.Store.Read(s => s.Actions.Find("archive_group:G-0050")!.DueOn).Should().Be(new DateOnly(2026, 11, 8));
    }

    [Fact]
    public void Import_MembershipStateChange_AppendsToItsHistory()
    {
        _t.Seed();
        _t.Time.Advance(TimeSpan.FromDays(1));

        _t.Import("memberships", "group_code,staff_code,state,approved_on\nG-0042,S-0003,active,2026-11-27\n").Updated.Should().Be(1);

        var m = _t.Store.Read(s => s.Memberships.Find((GroupCode.Parse("G-0042"), StaffCode.Parse("S-0003"))))!;
        m.History.Select(h => h.State).Should().Equal(MembershipState.Invited, MembershipState.Active);
        m.History[1].At.Should().Be(_t.Time.GetUtcNow());
        m.History[1].Actor.Should().Be("S-0001");
    }
}
