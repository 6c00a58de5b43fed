using McsOps.Core.Storage.LiteDb;

namespace McsOps.Tui.Tests;

/// <summary><c>mcsops backup</c>, <c>backup list</c>, <c>backup verify</c> and <c>restore</c> on the demo facility.</summary>
[Collection("cli")]
public sealed class BackupCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public BackupCliTests() => _cli.Run("demo").Code.Should().Be(0);

    public void Dispose() => _cli.Dispose();

    private string Demo => Path.Combine(_cli.DataDir, "demo");

    [Fact]
    public void Backup_ThenListAndVerify_InJapaneseAndEnglish()
    {
        var taken = _cli.Run("--demo", "backup");
        taken.Code.Should().Be(0, taken.Stderr);
        taken.Stdout.Should().Contain("バックアップを作成し検証しました").And.Contain("SHA-256");

        var list = _cli.Run("--demo", "backup", "list");
        list.Stdout.Should().Contain(Path.Combine(Demo, "backups", "mcsops-20261126T010000Z.db"));

        _cli.Run("--demo", "backup", "verify").Stdout.Should().Contain("は正常です");
        _cli.Run("--demo", "--lang", "en", "backup", "verify").Stdout.Should().Contain("is sound").And.Contain("audit entries verified");
    }

    [Fact]
    public void Verify_AFlippedByte_Exits5()
    {
        _cli.Run("--demo", "backup").Code.Should().Be(0);
        var file = Directory.GetFiles(Path.Combine(Demo, "backups"), "*.db").Single();
        var bytes = File.ReadAllBytes(file);
        bytes[^100] ^= 0x01;
        File.WriteAllBytes(file, bytes);

        var result = _cli.Run("--demo", "backup", "verify", file);

        result.Code.Should().Be(5);
        result.Stderr.Should().Contain("信頼できません").And.Contain("sha256");
    }

    [Fact]
    public void Restore_WhileTheDatabaseIsOpen_Exits4_AndAfterwardsBringsTheBackupBack()
    {
        _cli.Run("--demo", "backup").Code.Should().Be(0);
        var file = Directory.GetFiles(Path.Combine(Demo, "backups"), "*.db").Single();
        var staff = Path.Combine(_cli.DataDir, "staff.csv");
        File.WriteAllText(staff, "staff_code,facility_code,name,profession\nS-0999,F-0001,新人,nurse\n");
        _cli.Run("--demo", "import", "staff", staff).Code.Should().Be(0);

        using (LiteDbStore.Open(Path.Combine(Demo, "mcsops.db"), Path.Combine(Demo, "mcsops.key"), _cli.Time))
        {
            _cli.Run("--demo", "restore", file).Code.Should().Be(4);
        }

        var restored = _cli.Run("--demo", "restore", file);
        restored.Code.Should().Be(0, restored.Stderr);
        restored.Stdout.Should().Contain(".replaced-");
        var export = _cli.Run("--demo", "export", "staff");
        export.Stdout.Should().NotContain("S-0999");
    }

    [Theory]
    [InlineData("backup", "now")]
    [InlineData("restore")]
    [InlineData("backup", "verify", "a", "b")]
    public void BadArguments_Exit2WithTheUsage(params string[] args)
    {
        var result = _cli.Run(["--demo", .. args]);

        result.Code.Should().Be(2);
        result.Stderr.Should().Contain("使い方: mcsops backup");
    }

    [Fact]
    public void VerifyWithNoBackups_SaysSo_Exit2()
    {
        var result = _cli.Run("--demo", "backup", "verify");

        result.Code.Should().Be(2);
        result.Stderr.Should().Contain("バックアップがありません");
    }
}
