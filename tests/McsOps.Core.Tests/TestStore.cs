using McsOps.Core;
using McsOps.Core.Csv;
using McsOps.Core.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Core.Tests;

/// <summary>A real encrypted LiteDB file in a temporary folder, on a fake clock.</summary>
internal sealed class TestStore : IDisposable
{
    private LiteDbStore? _store;

    public TestStore()
    {
        Directory = Path.Combine(TestData.Root("mcsops-tests"), Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "mcsops.db");

    public string KeyFile => Path.Combine(Directory, "mcsops.key");

    public FakeTimeProvider Time { get; }

    public static TimeZoneInfo Tokyo { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static Actor Admin { get; } = new("S-0001", Channel.Cli);

    public static McsOps.Core.Scheduling.PolicySettings Policy { get; } = new() { Zone = Tokyo };

    public LiteDbStore Store => _store ??= Open();

    public LiteDbStore Open() => LiteDbStore.Open(DatabasePath, KeyFile, Time);

    public void Close()
    {
        _store?.Dispose();
        _store = null;
    }

    public ImportResult Import(string kind, string csv, string fileName = "test.csv", bool dryRun = false) =>
        Importer.ImportText(Store, CsvKinds.Find(kind)!, csv, fileName, Admin, new ImportOptions(Time, dryRun));

    /// <summary>Imports a small valid facility: home F-0001, external F-0002, staff, patients, groups.</summary>
    public void Seed()
    {
        Import("facilities", Csv.Facilities).Rejected.Should().BeFalse();
        Import("staff", Csv.Staff).Rejected.Should().BeFalse();
        Import("patients", Csv.Patients).Rejected.Should().BeFalse();
        Import("groups", Csv.Groups).Rejected.Should().BeFalse();
        Import("memberships", Csv.Memberships).Rejected.Should().BeFalse();
    }

    public void Dispose()
    {
        Close();
        TestData.Delete(Directory);
    }

    public static class Csv
    {
        public const string Facilities = """
            facility_code,name,kind,is_home
            F-0001,山田クリニック,clinic,true
            F-0002,さくら訪問看護ステーション,訪問看護ステーション,false
            """;

        public const string Staff = """
            staff_code,facility_code,name,kana,profession,email,roles,status,last_day,password_class,password_changed_on
            S-0001,F-0001,山田一郎,ヤマダイチロウ,医師,yamada@example.jp,admin,active,,13mixed,
            S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,active,,8rotating,2026/9/30
            S-0003,F-0002,鈴木三郎,スズキサブロウ,看護師,suzuki@example.jp,,active,,unknown,
            """;

        public const string Patients = """
            patient_code,name,kana,attending_staff_code,status,discharged_on,discharge_reason,consent_form,consent_signed_on,consent_signed_by
            P-0042,青木太郎,アオキタロウ,S-0001,active,,,template1,2026-04-01,patient
            P-0043,石井和子,イシイカズコ,S-0001,active,,,,,
            """;

        public const string Groups = """
            group_code,kind,mcs_name,patient_code,owner_staff_code,status
            G-0042,patient,青木様 在宅チーム,P-0042,S-0001,active
            G-0043,patient,石井様 在宅チーム,P-0043,S-0002,active
            G-0100,free,多職種連携 連絡用,,S-0001,active
            """;

        public const string Memberships = """
            group_code,staff_code,state,invited_by,invited_on
            G-0042,S-0001,active,,
            G-0042,S-0002,active,,
            G-0042,S-0003,invited,S-0001,2026-11-20
            G-0043,S-0002,active,,
            """;
    }
}
