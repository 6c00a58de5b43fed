using System.Security.Cryptography;
using McsOps.Core.Application;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Core.Tests.Backups;

/// <summary>Backups on a real encrypted file and a fake clock: generations, verification, restore, failures.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TestStore _t = new();

    public BackupTests() => _t.Seed();

    private BackupSettings Settings(int generations = 8, string? copy = null) =>
        new(Path.Combine(_t.Directory, "backups"), generations, Cronos.CronExpression.Parse("0 2 * * *"), copy);

    public void Dispose() => _t.Dispose();

    [Fact]
    public void TenDailyBackups_LeaveExactlyEightGenerations_NewestKept_EachVerified()
    {
        var settings = Settings();
        for (var day = 0; day < 10; day++)
        {
            _t.Time.Advance(TimeSpan.FromDays(1));
            var record = McsOps.Core.Backups.Create(_t.Store, settings, _t.KeyFile, TestStore.Admin, _t.Time);
            record.Ok.Should().BeTrue(record.Error);
            record.PauseMs.Should().BeGreaterThanOrEqualTo(0);
        }

        var files = McsOps.Core.Backups.List(settings.Directory);
        files.Should().HaveCount(8);
        files[0].TakenAt.Should().Be(_t.Time.GetUtcNow());
        files[^1].TakenAt.Should().Be(_t.Time.GetUtcNow().AddDays(-7));
        Directory.GetFiles(settings.Directory, "*.sha256").Should().HaveCount(8);
        Directory.GetFiles(settings.Directory, "*.partial").Should().BeEmpty();
        foreach (var f in files)
        {
            McsOps.Core.Backups.Verify(f.Path, _t.KeyFile, _t.Time).Ok.Should().BeTrue();
        }

        _t.Store.Read(s => s.Backups.All()).Should().HaveCount(10).And.OnlyContain(r => r.Ok);
        _t.Store.Read(s => s.Audit.All().Count(e => e.Action == "backup.create")).Should().Be(10);
    }

    [Fact]
    public void Verify_LeavesTheFileAsItWas()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        var path = Path.Combine(Settings().Directory, record.File);
        var before = SHA256.HashData(File.ReadAllBytes(path));

        McsOps.Core.Backups.Verify(path, _t.KeyFile, _t.Time).AuditEntries.Should().BeGreaterThan(0);

        SHA256.HashData(File.ReadAllBytes(path)).Should().Equal(before);
        Convert.ToHexStringLower(before).Should().Be(record.Sha256);
    }

    [Fact]
    public void OneFlippedByte_FailsVerify_AndRestoreRefusesIt()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        var path = Path.Combine(Settings().Directory, record.File);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var check = McsOps.Core.Backups.Verify(path, _t.KeyFile, _t.Time);
        check.Ok.Should().BeFalse();
        check.Problem.Should().Contain("sha256");

        _t.Close();
        var act = () => McsOps.Core.Backups.Restore(path, _t.DatabasePath, _t.KeyFile, _t.Time);
        act.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.IntegrityBroken);
    }

    [Fact]
    public void FlippedByte_WithAMatchingForgedSidecar_StillFailsOnTheChainOrTheKey()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        var path = Path.Combine(Settings().Directory, record.File);
        var bytes = File.ReadAllBytes(path);
        for (var i = 4096; i < bytes.Length; i += 997)
        {
            bytes[i] ^= 0x5a;
        }

        File.WriteAllBytes(path, bytes);
        File.WriteAllText(path + ".sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)) + "  " + record.File + "\n");

        McsOps.Core.Backups.Verify(path, _t.KeyFile, _t.Time).Ok.Should().BeFalse();
    }

    [Fact]
    public void Restore_BringsBackTheExactData_AndKeepsTheReplacedFile()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        var staffThen = _t.Store.Read(s => s.Staff.All());
        var auditThen = _t.Store.Read(s => s.Audit.Count());
        _t.Import("staff", TestStore.Csv.Staff.Replace("S-0002", "S-0902", StringComparison.Ordinal));
        _t.Store.Read(s => s.Staff.Count()).Should().BeGreaterThan(staffThen.Count);
        _t.Close();

        var aside = McsOps.Core.Backups.Restore(Path.Combine(Settings().Directory, record.File), _t.DatabasePath, _t.KeyFile, _t.Time);

        File.Exists(aside).Should().BeTrue();
        _t.Store.Read(s => s.Staff.All()).Should().BeEquivalentTo(staffThen);
        _t.Store.Read(s => s.Audit.Count()).Should().Be(auditThen - 1, "the backup's own audit entry came after the copy");
    }

    [Fact]
    public void VerifyCopy_ChecksWhatTheClientSent_AgainstItsSidecarHash_AndLeavesNoFileBehind()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        var bytes = File.ReadAllBytes(Path.Combine(Settings().Directory, record.File));
        var flipped = (byte[])bytes.Clone();
        flipped[flipped.Length / 2] ^= 0x01;
        var scratch = Directory.GetFiles(Path.GetTempPath(), "mcsops-verify-*").Length;

        var good = McsOps.Core.Backups.VerifyCopy(bytes, "sent.db", record.Sha256, _t.KeyFile, _t.Time);
        var noSidecar = McsOps.Core.Backups.VerifyCopy(bytes, "sent.db", null, _t.KeyFile, _t.Time);
        var bad = McsOps.Core.Backups.VerifyCopy(flipped, "sent.db", record.Sha256, _t.KeyFile, _t.Time);
        var notADatabase = McsOps.Core.Backups.VerifyCopy("not a backup"u8.ToArray(), "sent.db", null, _t.KeyFile, _t.Time);

        good.Should().Match<BackupCheck>(c => c.Ok && c.Path == "sent.db" && c.AuditEntries > 0);
        noSidecar.Ok.Should().BeTrue();
        bad.Should().Match<BackupCheck>(c => !c.Ok && c.Problem!.Contains("sha256"));
        notADatabase.Ok.Should().BeFalse();
        Directory.GetFiles(Path.GetTempPath(), "mcsops-verify-*").Length.Should().BeLessThanOrEqualTo(scratch);
    }

    [Fact]
    public void VerifyCopy_OfAReceivedFile_ChecksItWhereItIs_AgainstTheHashSent_NotASidecarBesideIt()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        var bytes = File.ReadAllBytes(Path.Combine(Settings().Directory, record.File));
        bytes[bytes.Length / 2] ^= 0x01;
        var received = Path.Combine(_t.Directory, "received-3f9a");
        File.WriteAllBytes(received, bytes);
        File.WriteAllText(received + ".sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)) + "  received-3f9a\n");

        var check = McsOps.Core.Backups.VerifyCopy(FileContent.OfFile(received), "sent.db", record.Sha256, _t.KeyFile, _t.Time);

        check.Should().Match<BackupCheck>(c => !c.Ok && c.Path == "sent.db" && c.Problem!.Contains("sha256"));
        File.ReadAllBytes(received).Should().Equal(bytes, "the received copy is read, not changed");
    }

    [Fact]
    public void Restore_WhileTheDatabaseIsOpen_IsRefusedWithExit4()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);

        var act = () => McsOps.Core.Backups.Restore(Path.Combine(Settings().Directory, record.File), _t.DatabasePath, _t.KeyFile, _t.Time);

        act.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.Locked);
    }

    [Fact]
    public void FailedCopyCommand_IsAFailedRun_OnTheDueListUntilABackupSucceeds()
    {
        var failing = McsOps.Core.Backups.Create(_t.Store, Settings(copy: "exit 3 #"), _t.KeyFile, TestStore.Admin, _t.Time);

        failing.Ok.Should().BeFalse();
        failing.Error.Should().Contain("exit code 3");
        var due = _t.Store.Read(s => DueList.Compute(s, TestStore.Policy, _t.Time.GetUtcNow()));
        var finding = due.Should().ContainSingle(f => f.Category == DueCategory.Backup).Subject;
        finding.Subject.Should().Be(failing.File);
        finding.Severity.Should().Be(Severity.Overdue);
        finding.Due.Should().BeNull();
        _t.Store.Read(s => s.Audit.Last())!.Action.Should().Be("backup.failed");

        _t.Time.Advance(TimeSpan.FromHours(1));
        var target = Path.Combine(_t.Directory, "offsite");
        Directory.CreateDirectory(target);
        McsOps.Core.Backups.Create(_t.Store, Settings(copy: $"cp -t '{target}'"), _t.KeyFile, TestStore.Admin, _t.Time).Ok.Should().BeTrue();
        Directory.GetFiles(target).Should().ContainSingle();
        _t.Store.Read(s => DueList.Compute(s, TestStore.Policy, _t.Time.GetUtcNow())).Should().NotContain(f => f.Category == DueCategory.Backup);
    }

    [Fact]
    public void ABackupDirectoryThatCannotBeWritten_IsAFailedRunToo()
    {
        var blocked = Path.Combine(_t.Directory, "not-a-dir");
        File.WriteAllText(blocked, "");

        var act = () => McsOps.Core.Backups.Create(_t.Store, Settings() with { Directory = blocked }, _t.KeyFile, TestStore.Admin, _t.Time);

        act.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.BadArguments, "a directory that is a file is a configuration error, said at once");
    }
}
