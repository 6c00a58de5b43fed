using System.Diagnostics;
using System.Globalization;
using System.Text;
using McsOps.Core;
using McsOps.Core.Csv;

namespace McsOps.Bot.Tests;

/// <summary>The real <c>mcsops</c>, as separate processes, against the running service (or its absence).</summary>
public sealed class RemoteCliTests : AdminFacilityTest
{
    [Fact]
    public async Task Due_ThroughTheService_PrintsWhatEmbeddedModePrints()
    {
        Service = await RunningService.StartReadyAsync(Dir);

        var remote = await McsopsAsync("due", "--at", "2026-12-01");
        await Service.StopAsync();
        var embedded = await McsopsAsync("--embedded", "due", "--at", "2026-12-01");

        remote.Code.Should().Be(0, remote.Stderr);
        remote.Stdout.Should().Contain("S-0001").And.Contain("password");
        embedded.Code.Should().Be(0, embedded.Stderr);
        remote.Stdout.Should().Be(embedded.Stdout);
    }

    [Fact]
    public async Task Import_ThroughTheService_SendsTheFile_AndIsAuditedAsTheMappedStaffOnTheCliChannel()
    {
        Service = await RunningService.StartReadyAsync(Dir);
        var file = Path.Combine(Dir, "new-staff.csv");
        await File.WriteAllTextAsync(file, "staff_code,facility_code,name,profession\nS-0003,F-0001,鈴木次郎,nurse\n");

        var dry = await McsopsAsync("import", "staff", file, "--dry-run");
        var result = await McsopsAsync("import", "staff", file);

        dry.Stdout.Should().Be("staff (dry run, nothing written): 1 created, 0 updated, 0 unchanged\n");
        result.Code.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be("staff: 1 created, 0 updated, 0 unchanged\n");
        using var client = Service.Connect();
        var audit = System.Text.Encoding.UTF8.GetString(client.Execute(new ExportData("audit", ExportFormat.Csv)));
        audit.Should().Contain(",S-0001,cli,staff.create,S-0003,import new-staff.csv,");
    }

    [Fact]
    public async Task Export_ThroughTheService_ComesBackAsTheFilesOwnBytes_AndIsWhatEmbeddedModeWrites()
    {
        Service = await RunningService.StartReadyAsync(Dir);
        var remoteFile = Path.Combine(Dir, "remote-staff.csv");
        var embeddedFile = Path.Combine(Dir, "embedded-staff.csv");
        using var http = Service.Unix();
        using var raw = await http.PostAsync(new Uri("ops/ExportData", UriKind.Relative), IdentityTests.Json("""{"kind":"staff","format":"csv"}"""));

        var remote = await McsopsAsync("export", "staff", "--out", remoteFile);
        await Service.StopAsync();
        var embedded = await McsopsAsync("--embedded", "export", "staff", "--out", embeddedFile);

        raw.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream");
        Encoding.UTF8.GetString(await raw.Content.ReadAsByteArrayAsync()).Should().Contain("staff_code,").And.Contain("山田一郎");
        remote.Code.Should().Be(0, remote.Stderr);
        embedded.Code.Should().Be(0, embedded.Stderr);
        (await File.ReadAllBytesAsync(remoteFile)).Should().Equal(await File.ReadAllBytesAsync(embeddedFile));
    }

    [Fact]
    public async Task Embedded_WhileTheServiceRuns_Exits4NamingTheServicesPid()
    {
        Service = await RunningService.StartReadyAsync(Dir);

        var result = await McsopsAsync("--embedded", "audit", "verify");

        result.Code.Should().Be(4);
        result.Stderr.Should().Contain($"in use by another process (PID {Environment.ProcessId})");
    }

    [Fact]
    public async Task LockHeldAndNoSocketAnswers_Exits4SayingBoth()
    {
        using var holder = TestFacility.Open(Dir);

        var result = await McsopsAsync("due");

        result.Code.Should().Be(4);
        result.Stderr.Should().Contain($"in use by another process (PID {Environment.ProcessId})")
            .And.Contain($"the service's socket {Path.Combine(Dir, "admin.sock")} does not answer");
    }

    [Fact]
    public async Task ForcedSocket_ThatDoesNotAnswer_Exits4_AndWithEmbeddedExits2()
    {
        var forced = await McsopsAsync("--socket", Path.Combine(Dir, "nobody.sock"), "due");
        var both = await McsopsAsync("--socket", Path.Combine(Dir, "nobody.sock"), "--embedded", "due");

        forced.Code.Should().Be(4);
        forced.Stderr.Should().Contain("nobody.sock does not answer");
        both.Code.Should().Be(2);
        both.Stderr.Should().Contain("--embedded and --socket exclude each other");
    }

    [Fact]
    public async Task Backup_WhileTheServiceRuns_IsTakenByTheService_ListedAndVerifiedThroughTheSocket()
    {
        Service = await RunningService.StartReadyAsync(Dir);

        var taken = await McsopsAsync("backup");
        var list = await McsopsAsync("backup", "list");
        var newest = await McsopsAsync("backup", "verify");
        var file = Directory.GetFiles(Path.Combine(Dir, "backups"), "*.db").Single();
        var copy = Path.Combine(Dir, "copied.db");
        File.Copy(file, copy);
        var sound = await McsopsAsync("backup", "verify", copy);
        var bytes = await File.ReadAllBytesAsync(copy);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(copy, bytes);
        File.Copy(file + ".sha256", copy + ".sha256");
        var flipped = await McsopsAsync("backup", "verify", copy);
        var missing = await McsopsAsync("backup", "verify", Path.Combine(Dir, "nothing.db"));

        taken.Code.Should().Be(0, taken.Stderr);
        taken.Stdout.Should().MatchRegex(@"^backup taken and verified: .*mcsops-\d{8}T\d{6}Z\.db \(SHA-256 [0-9a-f]{64}; writes paused \d+(\.\d)? ms\)\n$");
        list.Code.Should().Be(0, list.Stderr);
        list.Stdout.Should().Contain(file).And.Contain(" bytes ");
        newest.Code.Should().Be(0, newest.Stderr);
        sound.Code.Should().Be(0, sound.Stderr);
        sound.Stdout.Should().StartWith($"the backup {copy} is sound");
        flipped.Code.Should().Be(5);
        flipped.Stderr.Should().Contain("sha256 differs from the sidecar");
        missing.Code.Should().Be(2);
        using var client = Service.Connect();
        System.Text.Encoding.UTF8.GetString(client.Execute(new ExportData("audit", ExportFormat.Csv))).Should().Contain(",S-0001,cli,backup.create,");
    }

    [Fact]
    public async Task VerifyFile_OfABackupLargerThanAJsonRequest_IsStreamedAndPasses_AFlippedByteFailsWithExit5()
    {
        Service = await RunningService.StartReadyAsync(Dir, "AdminApi:MaxRequestMegabytes=1");
        using (var client = Service.Connect())
        {
            client.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(TestFacility.ManyStaff(20_000)), "many.csv")).Created.Should().Be(20_000);
        }

        (await McsopsAsync("backup")).Code.Should().Be(0);
        var file = Directory.GetFiles(Path.Combine(Dir, "backups"), "*.db").Single();
        var copy = Path.Combine(Dir, "copied.db");
        File.Copy(file, copy);
        File.Copy(file + ".sha256", copy + ".sha256");

        var sound = await McsopsAsync("backup", "verify", copy);
        using (var stream = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            var b = stream.ReadByte();
            stream.Position--;
            stream.WriteByte((byte)(b ^ 0x01));
        }

        var flipped = await McsopsAsync("backup", "verify", copy);

        new FileInfo(copy).Length.Should().BeGreaterThan(2 * 1024 * 1024, "more than the 1 MiB a JSON request may hold");
        sound.Code.Should().Be(0, sound.Stderr);
        sound.Stdout.Should().StartWith($"the backup {copy} is sound");
        flipped.Code.Should().Be(5, flipped.Stderr);
        flipped.Stderr.Should().Contain($"the backup {copy} cannot be trusted: sha256 differs from the sidecar");
        UploadedFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ImportMemberships_LargerThanAJsonRequest_IsStreamedAndImported()
    {
        Service = await RunningService.StartReadyAsync(Dir, "AdminApi:MaxRequestMegabytes=1");
        var groups = new StringBuilder("group_code,kind,mcs_name\n");
        var memberships = new StringBuilder("group_code,staff_code,state,invited_by,invited_on,approved_on\n");
        for (var g = 1; g <= 30; g++)
        {
            groups.Append(CultureInfo.InvariantCulture, $"G-{g + 100:D4},free,病棟{g}\n");
            for (var s = 0; s < 1_000; s++)
            {
                memberships.Append(CultureInfo.InvariantCulture, $"G-{g + 100:D4},Y-{s:D6},active,S-0001,2026-04-01,2026-04-02\n");
            }
        }

        using (var client = Service.Connect())
        {
            client.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(TestFacility.ManyStaff(1_000)), "staff.csv")).Created.Should().Be(1_000);
            client.Execute(new ImportCsv("groups", Encoding.UTF8.GetBytes(groups.ToString()), "groups.csv")).Created.Should().Be(30);
        }

        var file = Path.Combine(Dir, "memberships.csv");
        await File.WriteAllTextAsync(file, memberships.ToString());

        var result = await McsopsAsync("import", "memberships", file);

        new FileInfo(file).Length.Should().BeGreaterThan(1024 * 1024);
        result.Code.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be("memberships: 30000 created, 0 updated, 0 unchanged\n");
        UploadedFiles().Should().BeEmpty();
        await Service.StopAsync();
        using var store = TestFacility.Open(Dir);
        store.Read(s => s.Memberships.Count()).Should().Be(30_000 + 2);
    }

    [Fact]
    public async Task Import_OverTheUploadLimit_Exit2NamingTheSetting_NothingImported_NoFileKept()
    {
        Service = await RunningService.StartReadyAsync(Dir, "AdminApi:MaxUploadMegabytes=1");
        var file = Path.Combine(Dir, "many.csv");
        await File.WriteAllTextAsync(file, TestFacility.ManyStaff(40_000));
        var before = Service.Owner.Readiness().Changes;

        var result = await McsopsAsync("import", "staff", file);
        var ja = await McsopsAsync("--lang", "ja", "import", "staff", file);

        new FileInfo(file).Length.Should().BeGreaterThan(1024 * 1024);
        result.Code.Should().Be(2);
        result.Stderr.Should().Contain("the file is larger than the service accepts (AdminApi:MaxUploadMegabytes, 1 MiB)");
        ja.Code.Should().Be(2);
        ja.Stderr.Should().Contain("ファイルがサービスの受け取れる大きさ (AdminApi:MaxUploadMegabytes、1 MiB) を超えています");
        Service.Owner.Readiness().Changes.Should().Be(before);
        UploadedFiles().Should().BeEmpty();
        await Service.StopAsync();
        using var store = TestFacility.Open(Dir);
        store.Read(s => s.Staff.Find(StaffCode.Parse("Y-000000"))).Should().BeNull();
    }

    [Fact]
    public async Task RestoreAndKeyRotate_WhileTheServiceRuns_Exit4SayingToStopTheService_AndChangeNothing()
    {
        Service = await RunningService.StartReadyAsync(Dir);
        (await McsopsAsync("backup")).Code.Should().Be(0);
        var file = Directory.GetFiles(Path.Combine(Dir, "backups"), "*.db").Single();
        var key = await File.ReadAllBytesAsync(Path.Combine(Dir, "mcsops.key"));

        var restore = await McsopsAsync("restore", file);
        var rotate = await McsopsAsync("key", "rotate");
        var rotateJa = await McsopsAsync("--lang", "ja", "key", "rotate");

        restore.Code.Should().Be(4);
        restore.Stderr.Should().Contain("cannot restore while the service (mcsops-bot) is running: stop it first");
        rotate.Code.Should().Be(4);
        rotate.Stderr.Should().Contain("cannot rotate the key while the service (mcsops-bot) is running");
        rotateJa.Stderr.Should().Contain("サービス (mcsops-bot) が動作中のため鍵を交換できません");
        (await File.ReadAllBytesAsync(Path.Combine(Dir, "mcsops.key"))).Should().Equal(key);
        Directory.GetFiles(Dir, "*.replaced-*").Should().BeEmpty();
    }

    [Fact]
    public async Task KeyRotate_WithTheServiceStopped_OldBackupsStillVerify_AndTheServiceOpensTheRotatedFile()
    {
        Service = await RunningService.StartReadyAsync(Dir);
        (await McsopsAsync("backup")).Code.Should().Be(0);
        await Service.StopAsync();
        var file = Directory.GetFiles(Path.Combine(Dir, "backups"), "*.db").Single();

        var usage = await McsopsAsync("key", "spin");
        var rotate = await McsopsAsync("key", "rotate");
        var verify = await McsopsAsync("backup", "verify", file);
        await Service.DisposeAsync();
        Service = await RunningService.StartReadyAsync(Dir);
        var audit = await McsopsAsync("audit", "verify");

        usage.Code.Should().Be(2);
        usage.Stderr.Should().Contain("usage: mcsops key rotate");
        rotate.Code.Should().Be(0, rotate.Stderr);
        rotate.Stdout.Should().Contain("the database is re-encrypted with a new key").And.Contain("mcsops.key.").And.Contain(".old");
        verify.Code.Should().Be(0, verify.Stderr);
        audit.Code.Should().Be(0, audit.Stderr);
        using var client = Service.Connect();
        System.Text.Encoding.UTF8.GetString(client.Execute(new ExportData("audit", ExportFormat.Csv))).Should().Contain(",S-0001,cli,key.rotate,database,");
    }

    [Fact]
    public async Task LinkCode_PrintsOnlyTheCode_ThroughTheServiceAndEmbedded_NeverInTheAudit_BadCodesExit2Or3()
    {
        Service = await RunningService.StartReadyAsync(Dir);

        var remote = await McsopsAsync("link-code", "S-0002");
        var unknown = await McsopsAsync("link-code", "S-0404");
        var malformed = await McsopsAsync("link-code", "S/0002");
        var malformedJa = await McsopsAsync("--lang", "ja", "link-code", "S/0002");
        var noArgument = await McsopsAsync("link-code");
        await Service.StopAsync();
        var embedded = await McsopsAsync("--embedded", "link-code", "s-0002");

        remote.Code.Should().Be(0, remote.Stderr);
        remote.Stdout.Should().MatchRegex("^[A-Z2-9]{8}\n$");
        embedded.Code.Should().Be(0, embedded.Stderr);
        embedded.Stdout.Should().MatchRegex("^[A-Z2-9]{8}\n$").And.NotBe(remote.Stdout);
        unknown.Code.Should().Be(3);
        unknown.Stderr.Should().Contain("S-0404 is not known");
        malformed.Code.Should().Be(2);
        malformed.Stderr.Should().Contain("'S/0002' is not a staff code");
        malformedJa.Stderr.Should().Contain("スタッフコード 'S/0002' は正しくありません");
        noArgument.Code.Should().Be(2);
        using var store = TestFacility.Open(Dir);
        var entries = store.Read(s => s.Audit.All().Where(e => e.Action == "staff.linkcode").ToList());
        entries.Should().HaveCount(2);
        entries[0].Channel.Should().Be(Channel.Cli);
        entries.Should().OnlyContain(e => !e.Details.Contains(remote.Stdout.Trim()) && !e.Details.Contains(embedded.Stdout.Trim()));
        entries[1].Details.Should().Contain("the previous code is void");
        store.Write(s => s.LinkCodes.Take(McsOps.Core.LinkCode.HashOf(remote.Stdout.Trim()))).Should().BeNull("the new code voided it");
        store.Write(s => s.LinkCodes.Take(McsOps.Core.LinkCode.HashOf(embedded.Stdout.Trim()))).Should().NotBeNull();
    }

    private Task<(int Code, string Stdout, string Stderr)> McsopsAsync(params string[] args) => Programs.McsopsAsync(Dir, args);

    /// <summary>What the service holds of files received (none once every request is answered).</summary>
    private string[] UploadedFiles() => UploadTests.Files(Dir);
}
