using System.Text;
using System.Text.Json;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Tui.Tests;

[Collection("cli")]
public sealed class CliTests : IDisposable
{
    private const string Facilities = "facility_code,name,kind,is_home\nF-0001,山田クリニック,clinic,true\nF-0002,さくら薬局,pharmacy,false\n";
    private const string Staff = "staff_code,facility_code,name,kana,profession\nS-0001,F-0001,山田一郎,ヤマダイチロウ,doctor\nS-0002,F-0002,佐藤花子,サトウハナコ,pharmacist\n";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Import_PrintsCountsInJapaneseByDefault_AndEnglishWithLangEn()
    {
        var facilities = _cli.Write("facilities.csv", Facilities);

        var ja = _cli.Run("import", "facilities", facilities);
        var en = _cli.Run("--lang", "en", "import", "facilities", facilities);

        ja.Code.Should().Be(0);
        ja.Stdout.Should().Be("facilities: 新規 2 件、更新 0 件、変更なし 0 件\n");
        en.Code.Should().Be(0);
        en.Stdout.Should().Be("facilities: 0 created, 0 updated, 2 unchanged\n");
    }

    [Fact]
    public void Import_GlobalOptionsAfterTheVerb_AreAccepted()
    {
        var facilities = _cli.Write("facilities.csv", Facilities);
        _cli.Run("import", "facilities", facilities, "--lang", "en", "--dry-run").Stdout
            .Should().Be("facilities (dry run, nothing written): 2 created, 0 updated, 0 unchanged\n");
    }

    [Fact]
    public void Import_BadFile_Exits3WithEveryErrorOnStderr()
    {
        _cli.Run("import", "facilities", _cli.Write("facilities.csv", Facilities)).Code.Should().Be(0);
        var bad = _cli.Write("staff.csv", "staff_code,facility_code,name,profession\nS-0001,F-0404,名前,nurse\nS-0002,F-0001,名前,宇宙飛行士\n");

        var result = _cli.Run("import", "staff", bad);

        result.Code.Should().Be(3);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain($"{bad}:2: facility_code: F-0404 は登録されていません")
            .And.Contain($"{bad}:3: profession: '宇宙飛行士' は使えません")
            .And.Contain("2 件の誤りがあるため、何も取り込んでいません");
    }

    [Theory]
    [InlineData(new[] { "import" }, "使い方: mcsops import")]
    [InlineData(new[] { "import", "people", "x.csv" }, "種類 'people' はありません")]
    [InlineData(new[] { "import", "staff", "/nonexistent.csv" }, "ファイルがありません")]
    [InlineData(new[] { "export", "staff", "--format", "xml" }, "形式 'xml' はありません")]
    [InlineData(new[] { "export", "secrets" }, "種類 'secrets' はありません")]
    [InlineData(new[] { "frobnicate" }, "不明なコマンドです: frobnicate")]
    [InlineData(new[] { "import", "--bogus" }, "不明なオプションです: --bogus")]
    [InlineData(new[] { "export", "staff", "--format" }, "オプション --format には値が必要です")]
    [InlineData(new[] { "--lang", "fr", "audit", "verify" }, "McsOps:Language")]
    [InlineData(new[] { "audit", "check" }, "使い方: mcsops audit verify")]
    public void BadArguments_Exit2WithAMessage(string[] args, string message)
    {
        var result = _cli.Run(args);
        result.Code.Should().Be(2);
        result.Stderr.Should().Contain(message);
        result.Stderr.Should().NotContain("   at ");
    }

    [Fact]
    public void Configuration_BadTimeZoneFromTheEnvironment_Exits2NamingTheKey()
    {
        Environment.SetEnvironmentVariable("McsOps__TimeZone", "Mars/Olympus");
        try
        {
            var result = _cli.Run("audit", "verify");
            result.Code.Should().Be(2);
            result.Stderr.Should().Contain("McsOps:TimeZone").And.Contain("Mars/Olympus");
        }
        finally
        {
            Environment.SetEnvironmentVariable("McsOps__TimeZone", null);
        }
    }

    [Fact]
    public void Configuration_UnwritableDataDirectory_Exits2NamingTheKey()
    {
        var file = _cli.Write("not-a-dir", "x");
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var code = McsOps.Tui.Cli.CliApp.Run(["audit", "verify", "--data-dir", Path.Combine(file, "sub")], new McsOps.Tui.Cli.CliIo(stdout, stderr, false, false), _cli.Time);

        code.Should().Be(2);
        stderr.ToString().Should().Contain("McsOps:DataDirectory");
    }

    [Fact]
    public void Export_JsonOnStdout_IsNothingButJsonWithLiteralJapanese()
    {
        _cli.Run("import", "facilities", _cli.Write("facilities.csv", Facilities));
        _cli.Run("import", "staff", _cli.Write("staff.csv", Staff));

        var result = _cli.Run("export", "staff", "--format", "json");

        result.Code.Should().Be(0);
        result.StdoutBytes[0].Should().Be((byte)'[');
        result.Stdout.Should().Contain("山田一郎").And.NotContain("\\u");
        JsonDocument.Parse(result.Stdout).RootElement.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public void Export_ToAFile_WritesCsvWithBom()
    {
        _cli.Run("import", "facilities", _cli.Write("facilities.csv", Facilities));
        var path = Path.Combine(_cli.DataDir, "out.csv");

        _cli.Run("export", "facilities", "--out", path).Code.Should().Be(0);

        var bytes = File.ReadAllBytes(path);
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes).Should().Contain("F-0001,山田クリニック,clinic,true");
        File.Exists(path + ".tmp").Should().BeFalse();
    }

    [Fact]
    public void AuditVerify_IntactChain_Exits0WithTheCount()
    {
        _cli.Run("import", "facilities", _cli.Write("facilities.csv", Facilities));

        var result = _cli.Run("--lang", "en", "audit", "verify");

        result.Code.Should().Be(0);
        result.Stdout.Should().Be("audit chain verified: 2 entries intact\n");
    }

    [Fact]
    public void AuditVerify_TamperedEntry_Exits5NamingTheSequence()
    {
        _cli.Run("import", "facilities", _cli.Write("facilities.csv", Facilities));
        _cli.Run("import", "staff", _cli.Write("staff.csv", Staff));
        using (var store = LiteDbStore.Open(Path.Combine(_cli.DataDir, "mcsops.db"), Path.Combine(_cli.DataDir, "mcsops.key"), _cli.Time))
        {
            var audit = store.Database.GetCollection("audit");
            var doc = audit.FindById(3);
            doc["subject"] = "S-9999";
            audit.Update(doc);
        }

        var result = _cli.Run("--lang", "en", "audit", "verify");

        result.Code.Should().Be(5);
        result.Stderr.Should().Contain("audit chain broken at sequence 3");
    }

    [Fact]
    public void Demo_BuildsTheDemoFacilityInItsOwnDirectory_AndPrintsASummary()
    {
        var result = _cli.Run("--demo");

        result.Code.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("山田クリニック").And.Contain("患者");
        File.Exists(Path.Combine(_cli.DataDir, "demo", "mcsops.db")).Should().BeTrue();
        File.Exists(Path.Combine(_cli.DataDir, "mcsops.db")).Should().BeFalse("the demo never touches the real database");
        _cli.Run("--demo", "audit", "verify").Code.Should().Be(0);
    }

    [Fact]
    public void DataDirectory_IsCreatedOwnerOnly_ParentsIncluded()
    {
        var dir = Path.Combine(_cli.DataDir, "new", "data");
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        McsOps.Tui.Cli.CliApp.Run(["--demo", "--data-dir", dir], new McsOps.Tui.Cli.CliIo(stdout, stderr, false, false), _cli.Time).Should().Be(0);

        File.GetUnixFileMode(dir).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(Path.Combine(dir, "demo")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Demo_Reset_RebuildsFromScratch()
    {
        _cli.Run("demo").Code.Should().Be(0);
        var first = _cli.Run("--lang", "en", "--demo", "audit", "verify").Stdout;

        var again = _cli.Run("demo", "--reset");

        again.Code.Should().Be(0, again.Stderr);
        _cli.Run("--lang", "en", "--demo", "audit", "verify").Stdout.Should().Be(first);
    }
}
