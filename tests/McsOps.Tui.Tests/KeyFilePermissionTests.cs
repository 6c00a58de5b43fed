namespace McsOps.Tui.Tests;

/// <summary>Issue 8 item 6: mcsops refuses to open the database with a key file its group or others may read (exit 2, naming the file and the fix).</summary>
public sealed class KeyFilePermissionTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task TheProcess_WithAKeyOthersCanRead_Exits2_SayingChmod600_AndWritesNothing()
    {
        _cli.Run("import", "facilities", _cli.Write("f.csv", "facility_code,name,kind,is_home\nF-0001,山田クリニック,clinic,true\n")).Code.Should().Be(0);
        var key = Path.Combine(_cli.DataDir, "mcsops.key");
        var db = Path.Combine(_cli.DataDir, "mcsops.db");
        File.SetUnixFileMode(key, (UnixFileMode)Convert.ToInt32("644", 8));
        var written = File.GetLastWriteTimeUtc(db);

        var result = await CliRunner.RunProcessAsync("import", "staff", _cli.Write("s.csv", "staff_code,facility_code,name,profession\nS-0001,F-0001,名前,nurse\n"), "--data-dir", _cli.DataDir, "--embedded", "--lang", "en");

        result.Code.Should().Be(2);
        result.Stderr.Should().Contain($"the key file {key} is readable by others (mode 644); chmod 600 it").And.NotContain("   at ");
        File.GetLastWriteTimeUtc(db).Should().Be(written);
    }

    [Fact]
    public void InProcess_AKeyTheGroupCanRead_Exits2()
    {
        _cli.Run("audit", "verify").Code.Should().Be(0);
        File.SetUnixFileMode(Path.Combine(_cli.DataDir, "mcsops.key"), (UnixFileMode)Convert.ToInt32("640", 8));

        var result = _cli.Run("audit", "verify", "--lang", "en");

        result.Code.Should().Be(2);
        result.Stderr.Should().Contain("is readable by others (mode 640)");
    }
}
