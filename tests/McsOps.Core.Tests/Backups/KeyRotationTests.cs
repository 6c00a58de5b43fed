using System.Security.Cryptography;
using McsOps.Core.Audit;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Core.Tests.Backups;

/// <summary><c>mcsops key rotate</c> on a real encrypted file: the new key opens it, the old one does not, old backups still verify and restore, a crash at any step is recoverable.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private readonly TestStore _t = new();

    public KeyRotationTests() => _t.Seed();

    public void Dispose() => _t.Dispose();

    private BackupSettings Settings() => new(Path.Combine(_t.Directory, "backups"), 8, Cronos.CronExpression.Parse("0 2 * * *"), null);

    private string[] KeySidecars() => [.. Directory.GetFiles(_t.Directory).Where(f => Path.GetFileName(f).StartsWith("mcsops.key.", StringComparison.Ordinal))];

    private string Rotate() => LiteDbStore.RotateKey(_t.DatabasePath, _t.KeyFile, _t.Time, TestStore.Policy, _ => TestStore.Admin);

    [Fact]
    public void Rotate_ReEncryptsWithANewKey_KeepsTheDataAndTheOldKey0600_AndIsAudited()
    {
        var staff = _t.Store.Read(s => s.Staff.All());
        var groups = _t.Store.Read(s => s.Groups.All());
        var oldKey = File.ReadAllBytes(_t.KeyFile);
        _t.Close();

        var kept = Rotate();

        File.ReadAllBytes(kept).Should().Equal(oldKey);
        File.ReadAllBytes(_t.KeyFile).Should().NotEqual(oldKey).And.HaveCount(32);
        File.GetUnixFileMode(_t.KeyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(kept).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Path.GetFileName(kept).Should().MatchRegex(@"^mcsops\.key\.\d{8}T\d{6}Z\.old$");
        File.Exists(_t.KeyFile + ".new").Should().BeFalse();
        File.Exists(_t.DatabasePath + ".rotating").Should().BeFalse();
        _t.Store.Read(s => s.Staff.All()).Should().BeEquivalentTo(staff);
        _t.Store.Read(s => s.Groups.All()).Should().BeEquivalentTo(groups);
        var last = _t.Store.Read(s => s.Audit.Last())!;
        last.Action.Should().Be("key.rotate");
        last.Actor.Should().Be(TestStore.Admin.Id);
        last.Details.Should().Contain(Path.GetFileName(kept)).And.NotContain(Convert.ToHexString(oldKey));
        _t.Store.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
        _t.Store.Write(s => s.Staff.Count()).Should().Be(staff.Count, "the rotated file takes writes");
    }

    [Fact]
    public void AfterRotation_TheOldKeyNoLongerOpensTheDatabase()
    {
        _t.Close();
        var kept = Rotate();
        File.Copy(kept, _t.KeyFile, overwrite: true);

        var open = () => LiteDbStore.Open(_t.DatabasePath, _t.KeyFile, _t.Time);

        open.Should().Throw<OpsException>().Which.Key.Should().Be("db.wrongkey");
    }

    [Fact]
    public void ABackupTakenBeforeRotation_StillVerifies_AndRestoresUnderTheNewKey()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        var backup = Path.Combine(Settings().Directory, record.File);
        var staffThen = _t.Store.Read(s => s.Staff.All());
        _t.Import("staff", TestStore.Csv.Staff.Replace("S-0002", "S-0902", StringComparison.Ordinal));
        _t.Close();
        _t.Time.Advance(TimeSpan.FromMinutes(5));
        Rotate();
        var newKey = File.ReadAllBytes(_t.KeyFile);

        var check = McsOps.Core.Backups.Verify(backup, _t.KeyFile, _t.Time);
        McsOps.Core.Backups.Restore(backup, _t.DatabasePath, _t.KeyFile, _t.Time);

        check.Ok.Should().BeTrue(check.Problem);
        File.ReadAllBytes(_t.KeyFile).Should().Equal(newKey, "a restore does not bring the old key back");
        _t.Store.Read(s => s.Staff.All()).Should().BeEquivalentTo(staffThen);
        _t.Store.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
        var after = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        after.Ok.Should().BeTrue(after.Error);
    }

    [Fact]
    public void ABackupNoKeptKeyOpens_FailsVerify_NamingTheKeys()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        _t.Close();
        var kept = Rotate();
        File.Delete(kept);

        var check = McsOps.Core.Backups.Verify(Path.Combine(Settings().Directory, record.File), _t.KeyFile, _t.Time);

        check.Ok.Should().BeFalse();
        check.Problem.Should().Contain("neither the current key nor any old key");
    }

    [Fact]
    public void AKeptKeyReadableByOthers_IsRefused()
    {
        var record = McsOps.Core.Backups.Create(_t.Store, Settings(), _t.KeyFile, TestStore.Admin, _t.Time);
        _t.Close();
        var kept = Rotate();
        File.SetUnixFileMode(kept, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var check = McsOps.Core.Backups.Verify(Path.Combine(Settings().Directory, record.File), _t.KeyFile, _t.Time);

        check.Ok.Should().BeFalse();
        check.Problem.Should().Contain(Path.GetFileName(kept));
    }

    [Fact]
    public void Rotate_WhileTheDatabaseIsOpen_IsRefusedWithExit4_AndChangesNothing()
    {
        _ = _t.Store;
        var key = File.ReadAllBytes(_t.KeyFile);

        var act = Rotate;

        act.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.Locked);
        File.ReadAllBytes(_t.KeyFile).Should().Equal(key);
        KeySidecars().Should().BeEmpty();
    }

    [Fact]
    public void Rotate_WithoutADatabase_IsExit2()
    {
        _t.Close();
        File.Delete(_t.DatabasePath);

        var act = Rotate;

        act.Should().Throw<OpsException>().Which.Key.Should().Be("key.nodatabase");
    }

    [Fact]
    public void Rotate_RefusedByTheActorCheck_ChangesNothing()
    {
        _t.Close();
        var before = SHA256.HashData(File.ReadAllBytes(_t.DatabasePath));
        var key = File.ReadAllBytes(_t.KeyFile);

        var act = () => LiteDbStore.RotateKey(_t.DatabasePath, _t.KeyFile, _t.Time, TestStore.Policy, _ => throw new OpsException(ExitCode.NotPermitted, "op.readonly", "S-0002"));

        act.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.NotPermitted);
        File.ReadAllBytes(_t.KeyFile).Should().Equal(key);
        SHA256.HashData(File.ReadAllBytes(_t.DatabasePath)).Should().Equal(before);
        KeySidecars().Should().BeEmpty();
    }

    [Fact]
    public void CrashAfterTheFileWasSwappedButNotTheKey_TheNextOpenFinishesTheRotation()
    {
        var staff = _t.Store.Read(s => s.Staff.All());
        _t.Close();
        var oldKey = File.ReadAllBytes(_t.KeyFile);
        Rotate();
        // Put the state back to "file renamed, key not yet": the new key under .new, the old one in place.
        File.Move(_t.KeyFile, _t.KeyFile + ".new");
        File.WriteAllBytes(_t.KeyFile, oldKey);
        File.SetUnixFileMode(_t.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var newKey = File.ReadAllBytes(_t.KeyFile + ".new");

        _t.Store.Read(s => s.Staff.All()).Should().BeEquivalentTo(staff);

        File.ReadAllBytes(_t.KeyFile).Should().Equal(newKey);
        File.Exists(_t.KeyFile + ".new").Should().BeFalse();
    }

    [Fact]
    public void CrashBeforeTheFileWasSwapped_TheNextOpenDropsTheHalfDoneRotation()
    {
        var staff = _t.Store.Read(s => s.Staff.All());
        _t.Close();
        var key = File.ReadAllBytes(_t.KeyFile);
        File.WriteAllBytes(_t.KeyFile + ".new", RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(_t.KeyFile + ".new", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(_t.DatabasePath + ".rotating", [1, 2, 3]);

        _t.Store.Read(s => s.Staff.All()).Should().BeEquivalentTo(staff);

        File.ReadAllBytes(_t.KeyFile).Should().Equal(key);
        File.Exists(_t.KeyFile + ".new").Should().BeFalse();
        File.Exists(_t.DatabasePath + ".rotating").Should().BeFalse();
    }
}
