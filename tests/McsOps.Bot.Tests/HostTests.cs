using System.Diagnostics;
using System.Net;
using System.Text;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Audit;
using McsOps.Core.Csv;

namespace McsOps.Bot.Tests;

/// <summary>The service's life: settings, the database lock, the socket file, readiness, shutdown.</summary>
public sealed class HostTests : IAsyncLifetime
{
    private readonly List<string> _directories = [];
    private readonly List<RunningService> _services = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        _directories.ForEach(TestFacility.Delete);
    }

    [Fact]
    public async Task Healthz_AnswersWhileTheProcessIsUp_AndAnUnknownRouteIs404()
    {
        var service = await StartAsync(Facility("admin"));
        using var http = new HttpClient { BaseAddress = service.Tcp };

        (await http.GetStringAsync(new Uri("/healthz", UriKind.Relative))).Should().Contain("ok");
        (await http.GetAsync(new Uri("/slack/commands", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Readyz_Is503WhileAnotherProcessHoldsTheDatabase_And200OnceTheServiceOpensIt()
    {
        var dir = Facility("admin");
        var embedded = TestFacility.Open(dir);
        var service = await StartAsync(dir, ready: false);

        var waiting = await service.WaitUntilAsync((status, r) => status == HttpStatusCode.ServiceUnavailable && r.Database == "waiting_for_lock");
        var socketWhileWaiting = File.Exists(service.SocketPath);
        embedded.Dispose();
        var ready = await service.WaitUntilAsync((status, _) => status == HttpStatusCode.OK);

        waiting.Should().Be(new Hosting.Readiness("waiting_for_lock", null, null, null));
        socketWhileWaiting.Should().BeFalse("the socket appears only once it can serve");
        ready.Database.Should().Be("open");
        ready.Changes.Should().BeGreaterThan(0);
        ready.OperationsInFlight.Should().Be(0);
        using var client = service.Connect();
        client.Execute(new ListGroups()).Should().ContainSingle();
    }

    [Fact]
    public async Task WrongKey_IsAFinalFailure_Exit4_NotReady()
    {
        var dir = Facility("admin");
        await File.WriteAllBytesAsync(Path.Combine(dir, "mcsops.key"), new byte[32]);

        var service = await StartAsync(dir, ready: false);
        var failed = await service.WaitUntilAsync((status, r) => status == HttpStatusCode.ServiceUnavailable && r.Database == "failed");

        failed.Changes.Should().BeNull();
        service.Owner.Failure!.Code.Should().Be(ExitCode.Locked);
        service.Owner.Failure.Key.Should().Be("db.wrongkey");
        File.Exists(service.SocketPath).Should().BeFalse();
    }

    [Fact]
    public async Task Socket_InADirectoryItCreates_IsMode0660InTheAdminGroup_TheDirectory0750()
    {
        var dir = Facility("admin");
        var socket = Path.Combine(dir, "run", "admin.sock");

        var service = await StartAsync(dir, "AdminApi:SocketPath=" + socket, "AdminApi:AdminGroup=daemon");

        File.GetUnixFileMode(Path.GetDirectoryName(socket)!).Should().Be((UnixFileMode)Convert.ToInt32("750", 8));
        (await Stat(socket)).Should().Be("660 daemon socket");
        using var client = service.Connect();
        client.Actor.Id.Should().Be("S-0001");
    }

    [Theory]
    [InlineData("AdminApi:AdminGroup=mcsops-no-such-group", "AdminApi:AdminGroup")]
    [InlineData("AdminApi:MaxRequestMegabytes=0", "AdminApi:MaxRequestMegabytes")]
    [InlineData("AdminApi:MaxUploadMegabytes=0", "AdminApi:MaxUploadMegabytes")]
    [InlineData("AdminApi:MaxUploadMegabytes=1073741824", "AdminApi:MaxUploadMegabytes")]
    [InlineData("McsOps:IdleTimeoutMinutes=99", "McsOps:IdleTimeoutMinutes")]
    [InlineData("Chat:QuietHours=8pm-8am", "Chat:QuietHours")]
    [InlineData("Chat:PatientDisplay=name", "Chat:PatientDisplay")]
    [InlineData("Logging:Console:FormatterName=xml", "--log-format")]
    public async Task BadSetting_StopsTheStartWithExit2NamingTheKey(string setting, string key)
    {
        var dir = Facility("admin");

        var start = () => StartAsync(dir, setting);

        var e = (await start.Should().ThrowAsync<OpsException>()).Which;
        e.Code.Should().Be(ExitCode.BadArguments);
        e.Args[0].Should().Be(key);
        File.Exists(Path.Combine(dir, "admin.sock")).Should().BeFalse();
    }

    [Fact]
    public async Task SocketDirectoryOpenToOthers_StopsTheStartWithExit2()
    {
        var dir = Facility("admin");
        var open = Path.Combine(dir, "open");
        Directory.CreateDirectory(open);
        File.SetUnixFileMode(open, (UnixFileMode)Convert.ToInt32("777", 8));

        var start = () => StartAsync(dir, "AdminApi:SocketPath=" + Path.Combine(open, "admin.sock"));

        var e = (await start.Should().ThrowAsync<OpsException>()).Which;
        e.Args[0].Should().Be("AdminApi:SocketPath");
        e.Localize(Lang.En).Should().Contain("is open to others (mode 777)");
    }

    [Theory]
    [InlineData("en", "mcsops-bot: configuration McsOps:TimeZone is invalid: unknown time zone 'Mars/Olympus'")]
    [InlineData("ja", "mcsops-bot: 設定 McsOps:TimeZone が不正です: タイムゾーン 'Mars/Olympus' はありません")]
    public async Task TheProcess_WithABadSetting_Exits2_WithTheMessageInTheConfiguredLanguage(string lang, string message)
    {
        var dir = Facility("admin");

        var (code, stderr) = await RunBotAsync(dir, "--McsOps:Language=" + lang, "--McsOps:TimeZone=Mars/Olympus");

        code.Should().Be(2);
        stderr.Should().Contain(message).And.NotContain("   at ");
    }

    [Theory]
    [InlineData("--Slack:ApiBaseUrl=http://example.com/api/", "Slack:ApiBaseUrl")]
    [InlineData("--Chat:MaxQueuedRequests=-1", "Chat:MaxQueuedRequests")]
    public async Task TheProcess_WithABadChatPlatformSetting_Exits2_NamingTheKey_WithoutAStackTrace(string setting, string key)
    {
        var dir = Facility("admin");

        var (code, stderr) = await RunBotAsync(dir, "--McsOps:Language=en", "--Slack:SigningSecret=s3cret", "--Slack:BotToken=xoxb-1", setting);

        code.Should().Be(2, stderr);
        stderr.Should().Contain(key).And.NotContain("   at ");
    }

    [Fact]
    public async Task AfterACrash_TheStaleSocketIsReplaced_WhenTheNextServiceHasTheLock()
    {
        var dir = Facility("admin");
        var socket = Path.Combine(dir, "admin.sock");
        using (var crashed = StartBot(dir))
        {
            crashed.BeginErrorReadLine();
            await Eventually.TrueAsync(() => RemoteOpsClient.TryConnect(socket, Channel.Cli) is { } c && Dispose(c), TimeSpan.FromSeconds(60));
            crashed.Kill();
            await crashed.WaitForExitAsync();
        }

        File.Exists(socket).Should().BeTrue("kill -9 leaves the socket file behind");
        RemoteOpsClient.TryConnect(socket, Channel.Cli).Should().BeNull("nobody listens on a stale socket");
        var service = await StartAsync(dir);

        using var client = service.Connect();
        client.Execute(new VerifyAuditChain()).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Stop_LetsTheOperationInFlightFinish_ThenRemovesTheSocketAndReleasesTheLock()
    {
        var dir = Facility("admin");
        var service = await StartAsync(dir);
        var rows = new StringBuilder("staff_code,facility_code,name,profession\n");
        for (var i = 0; i < 40_000; i++)
        {
            rows.Append("X-").Append(i).Append(",F-0001,名前,nurse\n");
        }

        using var client = service.Connect();
        var import = Task.Run(() => client.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(rows.ToString()), "big.csv")));
        // Large enough that a fast machine cannot finish it before /readyz is first asked (5,000 rows could).
        await service.WaitUntilAsync((_, r) => r.OperationsInFlight == 1 || import.IsCompleted);
        import.IsCompleted.Should().BeFalse("the stop must begin while the import runs");

        await service.StopAsync();

        (await import).Created.Should().Be(40_000);
        File.Exists(service.SocketPath).Should().BeFalse();
        using var store = TestFacility.Open(dir);
        store.Read(s => s.Staff.Count()).Should().Be(40_003);
        store.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task LongPoll_AnswersAsSoonAsTheCounterMoves_OrTheSameCounterWhenTheWaitIsOver()
    {
        var service = await StartAsync(Facility("admin"));
        using var client = service.Connect();
        using var http = service.Unix();
        var now = client.ChangeCounter;

        var poll = client.WaitForChangeAsync(now, CancellationToken.None);
        var unchanged = await http.GetStringAsync(new Uri($"changes?since={now}&wait=0", UriKind.Relative));
        client.Execute(new SetStaffFlags(StaffCode.Parse("S-0002"), true, false, false));

        (await poll.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(now + 1);
        unchanged.Should().Be(now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await client.WaitForChangeAsync(now, CancellationToken.None)).Should().Be(now + 1, "a counter already past since answers at once");
    }

    private string Facility(string? myRoles)
    {
        var dir = TestFacility.Create(myRoles);
        _directories.Add(dir);
        return dir;
    }

    private async Task<RunningService> StartAsync(string dir, params string[] settings) => await StartAsync(dir, ready: true, settings);

    private async Task<RunningService> StartAsync(string dir, bool ready, params string[] settings)
    {
        var service = ready ? await RunningService.StartReadyAsync(dir, settings) : await RunningService.StartAsync(dir, settings);
        _services.Add(service);
        return service;
    }

    private static bool Dispose(IDisposable d)
    {
        d.Dispose();
        return true;
    }

    private static Process StartBot(string dir, params string[] args) => Programs.StartBot(dir, args);

    internal static async Task<(int Code, string Stderr)> RunBotAsync(string dir, params string[] args)
    {
        using var process = StartBot(dir, args);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    private static async Task<string> Stat(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%a %G %F", path]) { RedirectStandardOutput = true })!;
        var text = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return text.Trim();
    }
}
