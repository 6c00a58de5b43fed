using McsOps.Core;
using McsOps.Core.Csv;
using McsOps.Core.Storage;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Bot.Tests;

/// <summary>
/// A small facility in a temporary data directory (mode 0700, as the service creates its own):
/// S-0001 is mapped to the OS user running the tests with the roles a test asks for; S-0009 is an
/// admin mapped to an OS user that does not exist, so that bootstrap admins no longer count.
/// </summary>
internal static class TestFacility
{
    public const string OtherAdminOsUser = "mcsops-test-nobody";

    public const string Facilities = "facility_code,name,kind,is_home\nF-0001,山田クリニック,clinic,true\nF-0002,さくら薬局,pharmacy,false\n";

    public static string Me => Environment.UserName;

    public static string Staff(string? myRoles) =>
        "staff_code,facility_code,name,profession,roles,os_user\n" +
        $"S-0001,F-0001,山田一郎,doctor,{myRoles},{Me}\n" +
        "S-0002,F-0002,佐藤花子,pharmacist,,\n" +
        $"S-0009,F-0001,管理花子,nurse,admin,{OtherAdminOsUser}\n";

    public const string Patients = "patient_code,name,attending_staff_code\nP-0001,患者一,S-0001\n";

    public const string Groups = "group_code,kind,mcs_name,patient_code,owner_staff_code\nG-0001,patient,患者一さんのグループ,P-0001,S-0001\n";

    public const string Memberships = "group_code,staff_code,state\nG-0001,S-0001,active\nG-0001,S-0002,active\n";

    /// <summary>A staff CSV of <paramref name="count"/> nurses Y-000000, Y-000001 … at F-0001: 29 bytes a row.</summary>
    public static string ManyStaff(int count)
    {
        var csv = new System.Text.StringBuilder("staff_code,facility_code,name,profession\n", 48 + (count * 29));
        for (var i = 0; i < count; i++)
        {
            csv.Append("Y-").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append(",F-0001,職員,nurse\n");
        }

        return csv.ToString();
    }

    public static string NewDataDirectory()
    {
        var dir = Path.Combine(McsOps.Core.Tests.TestData.Root("mcsops-bot-tests"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return dir;
    }

    /// <summary>A new data directory holding the facility; <paramref name="myRoles"/> are S-0001's (admin, auditor, or none).</summary>
    public static string Create(string? myRoles)
    {
        var dir = NewDataDirectory();
        using var store = Open(dir);
        Import(store, "facilities", Facilities);
        Import(store, "staff", Staff(myRoles));
        Import(store, "patients", Patients);
        Import(store, "groups", Groups);
        Import(store, "memberships", Memberships);
        return dir;
    }

    public static LiteDbStore Open(string dataDirectory) =>
        LiteDbStore.Open(Path.Combine(dataDirectory, "mcsops.db"), Path.Combine(dataDirectory, "mcsops.key"), TimeProvider.System);

    public static void Import(IStore store, string kind, string csv)
    {
        var result = Importer.ImportText(store, CsvKinds.Find(kind)!, csv, kind + ".csv", Actor.System, new ImportOptions(TimeProvider.System));
        result.Errors.Should().BeEmpty();
    }

    public static void Delete(string dataDirectory) => McsOps.Core.Tests.TestData.Delete(dataDirectory);
}
