using System.Text;
using System.Text.Json;
using McsOps.Core.Csv;

namespace McsOps.Core.Tests.Csv;

public sealed class ExportTests : IDisposable
{
    private readonly TestStore _t = new();

    public ExportTests() => _t.Seed();

    public void Dispose() => _t.Dispose();

    private byte[] Export(string kind, ExportFormat format = ExportFormat.Csv)
    {
        using var ms = new MemoryStream();
        Exporter.Export(_t.Store, kind, format, ms, TestStore.Admin, TestStore.Policy, _t.Time.GetUtcNow());
        return ms.ToArray();
    }

    [Fact]
    public void Csv_StartsWithBomAndKeepsJapanese()
    {
        var bytes = Export("staff");
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes).Should().Contain("山田一郎");
    }

    [Theory]
    [InlineData("facilities")]
    [InlineData("staff")]
    [InlineData("patients")]
    [InlineData("groups")]
    [InlineData("memberships")]
    public void Csv_ImportOfAnExport_ReproducesTheSameData(string kind)
    {
        var csv = CsvFile.Decode(Export(kind));
        using var other = new TestStore();
        foreach (var (k, text) in new[] { ("facilities", TestStore.Csv.Facilities), ("staff", TestStore.Csv.Staff), ("patients", TestStore.Csv.Patients), ("groups", TestStore.Csv.Groups), ("memberships", TestStore.Csv.Memberships) })
        {
            if (k == kind)
            {
                break;
            }

            other.Import(k, text).Rejected.Should().BeFalse();
        }

        other.Import(kind, csv).Rejected.Should().BeFalse();

        CsvFile.Decode(Exporter_Of(other, kind)).Should().Be(csv);
        _t.Import(kind, csv).Should().BeEquivalentTo(new { Created = 0, Updated = 0 }, "re-importing an export changes nothing");
    }

    [Fact]
    public void Csv_DeviceNote_IsExportedAndReimportedUnchanged()
    {
        _t.Import("devices", "asset_tag,kind,holder_staff_code,note\nD-0001,tablet,S-0002,\"予備機, 施錠キャビネット\"\nD-0002,pc,,\n").Rejected.Should().BeFalse();

        var csv = CsvFile.Decode(Export("devices"));

        csv.Split('\n')[0].TrimEnd('\r').Should().EndWith(",note");
        csv.Should().Contain("\"予備機, 施錠キャビネット\"");
        _t.Import("devices", csv).Should().BeEquivalentTo(new { Created = 0, Updated = 0 }, "re-importing an export changes nothing");
    }

    [Fact]
    public void Csv_FormulaLikeCells_AreNeutralisedAndImportRestoresThem()
    {
        _t.Import("facilities", "facility_code,name,kind\nF-0066,\"=cmd|' /C calc'!A0\",other\nF-0067,@SUM(A1),other\nF-0068,-2+3,other\nF-0069,+81 3,other\n").Rejected.Should().BeFalse();

        var csv = CsvFile.Decode(Export("facilities"));

        csv.Should().Contain("F-0066,'=cmd|' /C calc'!A0,").And.Contain("'@SUM(A1)").And.Contain("'-2+3").And.Contain("'+81 3");
        _t.Import("facilities", csv).Updated.Should().Be(0);
        _t.Store.Read(s => s.Facilities.Find(FacilityCode.Parse("F-0066"))!.Name).Should().Be("=cmd|' /C calc'!A0");
    }

    [Fact]
    public void Json_IsAnArrayNamedByTheCsvColumnsWithJapaneseLiteralAndTypedValues()
    {
        var bytes = Export("staff", ExportFormat.Json);
        var text = Encoding.UTF8.GetString(bytes);

        bytes[0].Should().Be((byte)'[');
        text.Should().Contain("山田一郎").And.NotContain("\\u");
        using var doc = JsonDocument.Parse(bytes);
        var first = doc.RootElement[0];
        first.GetProperty("staff_code").GetString().Should().Be("S-0001");
        first.GetProperty("identity_verified").ValueKind.Should().Be(JsonValueKind.False);
        first.GetProperty("roles")[0].GetString().Should().Be("admin");
        first.GetProperty("last_day").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetArrayLength().Should().Be(3);
    }

    [Fact]
    public void Export_IsItselfAudited()
    {
        Export("patients", ExportFormat.Json);

        var last = _t.Store.Read(s => s.Audit.Last()!);
        last.Action.Should().Be("export");
        last.Subject.Should().Be("patients");
        last.Details.Should().Be("format json; rows 2");
    }

    [Fact]
    public void Audit_ExportsEveryEntryWithItsHashes()
    {
        var count = _t.Store.Read(s => s.Audit.Count());
        using var doc = JsonDocument.Parse(Export("audit", ExportFormat.Json));
        doc.RootElement.GetArrayLength().Should().Be((int)count);
        doc.RootElement[0].GetProperty("sequence").GetInt64().Should().Be(1);
        doc.RootElement[0].GetProperty("hash").GetString().Should().HaveLength(64);
    }

    private static byte[] Exporter_Of(TestStore store, string kind)
    {
        using var ms = new MemoryStream();
        Exporter.Export(store.Store, kind, ExportFormat.Csv, ms, TestStore.Admin, TestStore.Policy, store.Time.GetUtcNow());
        return ms.ToArray();
    }
}
