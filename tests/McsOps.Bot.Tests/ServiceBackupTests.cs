using System.Net;
using McsOps.Bot.Hosting;
using McsOps.Core;
using McsOps.Core.Csv;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Bot.Tests;

/// <summary>Backups while the service runs: taken by the service through the admin socket, what <c>/readyz</c> says about them, who may ask.</summary>
public sealed class ServiceBackupTests : IAsyncLifetime
{
    private readonly List<string> _directories = [];
    private readonly List<IAsyncDisposable> _running = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var running in _running)
        {
            await running.DisposeAsync();
        }

        _directories.ForEach(TestFacility.Delete);
    }

    [Fact]
    public async Task Readyz_ShowsTheLastSweepTheOutboxBacklogAndTheLastBackup_503AfterAFailedBackupUntilAGoodOne()
    {
        var dir = Facility("admin");
        var marker = Path.Combine(dir, "copy-must-fail");
        var start = new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var builder = Hosting.ServiceHost.CreateBuilder(
            ["--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Backup:CopyCommand=test ! -e '" + marker + "' ||  false"],
            etcFile: null);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddHostedService<SchedulerWorker>();
        var app = Hosting.ServiceHost.Build(builder);
        _running.Add(app);
        await app.StartAsync();
        var owner = app.Services.GetRequiredService<StoreOwner>();
        var tcp = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));
        var socket = app.Services.GetRequiredService<McsOps.Core.Configuration.Settings>().SocketPath;

        // The scheduler sweeps and backs up at start (no backup ever).
        var first = await ReadyzUntilAsync(tcp, (status, r) => status == HttpStatusCode.OK && r.LastSweep is not null && r.LastBackup is not null);
        var pending = owner.Run(ops => ops.Store.Read(s => s.Outbox.ByState(OutboxState.Pending).Count), mayChange: false);

        File.WriteAllText(marker, "");
        clock.Advance(TimeSpan.FromMinutes(1));
        using var client = McsOps.Core.Application.RemoteOpsClient.TryConnect(socket, Channel.Cli)!;
        var failed = client.Execute(new TakeBackup());
        var (failedStatus, afterFailure) = await ReadyzAsync(tcp);
        File.Delete(marker);
        clock.Advance(TimeSpan.FromMinutes(1));
        var good = client.Execute(new TakeBackup());
        var (goodStatus, afterGood) = await ReadyzAsync(tcp);

        first.LastSweep.Should().Be(start);
        first.OutboxPending.Should().Be(pending).And.BeGreaterThan(0, "the first sweep reminds S-0002, whose password date is unknown");
        first.LastBackup.Should().Match<ReadyBackup>(b => b.Ok && b.At == start && b.File == "mcsops-20261126T010000Z.db");
        failed.Ok.Should().BeFalse();
        failedStatus.Should().Be(HttpStatusCode.ServiceUnavailable);
        afterFailure.Database.Should().Be("open");
        afterFailure.LastBackup.Should().Be(new ReadyBackup(start.AddMinutes(1), "mcsops-20261126T010100Z.db", false));
        good.Ok.Should().BeTrue(good.Error);
        goodStatus.Should().Be(HttpStatusCode.OK);
        afterGood.LastBackup.Should().Be(new ReadyBackup(start.AddMinutes(2), "mcsops-20261126T010200Z.db", true));
    }

    [Fact]
    public async Task Backup_ThroughTheSocket_IsTakenByTheService_WithThePauseOfWritesMeasured_AndAudited()
    {
        var service = await StartAsync(Facility("admin"));
        using var client = service.Connect();

        var record = client.Execute(new TakeBackup());
        var list = client.Execute(new ListBackups());

        record.Ok.Should().BeTrue(record.Error);
        record.PauseMs.Should().BeGreaterThan(0);
        list.Should().ContainSingle().Which.Path.Should().Be(Path.Combine(service.DataDirectory, "backups", record.File));
        Backups.Verify(list[0].Path, Path.Combine(service.DataDirectory, "mcsops.key"), TimeProvider.System).Ok.Should().BeTrue();
        var audit = System.Text.Encoding.UTF8.GetString(client.Execute(new ExportData("audit", ExportFormat.Csv)));
        audit.Should().Contain(",S-0001,cli,backup.create," + record.File + ",");
    }

    [Fact]
    public async Task Auditor_IsRefusedBackupAndList_403_ButMayVerify()
    {
        var dir = Facility("admin");
        var service = await StartAsync(dir);
        using (var admin = service.Connect())
        {
            admin.Execute(new TakeBackup()).Ok.Should().BeTrue();
            admin.Execute(new SetRole(StaffCode.Parse("S-0001"), StaffRoles.Auditor, Grant: true, "audit"));
            admin.Execute(new SetRole(StaffCode.Parse("S-0001"), StaffRoles.Admin, Grant: false, "audit"));
        }

        using var auditor = service.Connect();
        var take = () => auditor.Execute(new TakeBackup());
        var list = () => auditor.Execute(new ListBackups());

        auditor.ReadOnly.Should().BeTrue();
        take.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.NotPermitted);
        list.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.NotPermitted);
        auditor.Execute(new VerifyLatestBackup()).Ok.Should().BeTrue();
        Directory.GetFiles(Path.Combine(dir, "backups"), "*.db").Should().ContainSingle("the auditor's request took none");
    }

    [Fact]
    public async Task VerifyBytes_UsesTheBytesSent_NeverThePathTheClientNamed()
    {
        var dir = Facility("admin");
        var service = await StartAsync(dir);
        using var client = service.Connect();
        var record = client.Execute(new TakeBackup());
        var path = Path.Combine(dir, "backups", record.File);
        var good = await File.ReadAllBytesAsync(path);
        var flipped = (byte[])good.Clone();
        flipped[flipped.Length / 2] ^= 0x01;

        // The name is a real backup on the service's disk: only the bytes count.
        var bad = client.Execute(new VerifyBackupBytes(path, flipped, record.Sha256));
        var sound = client.Execute(new VerifyBackupBytes(Path.Combine(dir, "no-such-file.db"), good, record.Sha256));
        var empty = () => client.Execute(new VerifyBackupBytes("x.db", Array.Empty<byte>(), null));

        bad.Ok.Should().BeFalse();
        bad.Path.Should().Be(record.File, "the answer names the file as the client did, without the service's directories");
        sound.Ok.Should().BeTrue(sound.Problem);
        empty.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.BadArguments);
    }

    private string Facility(string? myRoles)
    {
        var dir = TestFacility.Create(myRoles);
        _directories.Add(dir);
        return dir;
    }

    private async Task<RunningService> StartAsync(string dir, params string[] settings)
    {
        var service = await RunningService.StartReadyAsync(dir, settings);
        _running.Add(service);
        return service;
    }

    private static async Task<(HttpStatusCode Status, Readiness Body)> ReadyzAsync(Uri tcp)
    {
        using var http = new HttpClient { BaseAddress = tcp };
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Readiness>(response.Content))!);
    }

    private static async Task<Readiness> ReadyzUntilAsync(Uri tcp, Func<HttpStatusCode, Readiness, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var (status, body) = await ReadyzAsync(tcp);
            if (condition(status, body))
            {
                return body;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
