using System.Diagnostics;
using McsOps.Core;
using McsOps.Core.Csv;

namespace McsOps.Bot.Tests;

/// <summary>The real <c>mcsops</c>, as separate processes, against the running service (or its absence).</summary>
public sealed class RemoteCliTests : IAsyncLifetime
{
    private readonly string _dir = TestFacility.Create("admin");
    private RunningService? _service;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        TestFacility.Delete(_dir);
    }

    [Fact]
    public async Task Due_ThroughTheService_PrintsWhatEmbeddedModePrints()
    {
        _service = await RunningService.StartReadyAsync(_dir);

        var remote = await McsopsAsync("due", "--at", "2026-12-01");
        await _service.StopAsync();
        var embedded = await McsopsAsync("--embedded", "due", "--at", "2026-12-01");

        remote.Code.Should().Be(0, remote.Stderr);
        remote.Stdout.Should().Contain("S-0001").And.Contain("password");
        embedded.Code.Should().Be(0, embedded.Stderr);
        remote.Stdout.Should().Be(embedded.Stdout);
    }

    [Fact]
    public async Task Import_ThroughTheService_SendsTheFile_AndIsAuditedAsTheMappedStaffOnTheCliChannel()
    {
        _service = await RunningService.StartReadyAsync(_dir);
        var file = Path.Combine(_dir, "new-staff.csv");
        await File.WriteAllTextAsync(file, "staff_code,facility_code,name,profession\nS-0003,F-0001,鈴木次郎,nurse\n");

        var dry = await McsopsAsync("import", "staff", file, "--dry-run");
        var result = await McsopsAsync("import", "staff", file);

        dry.Stdout.Should().Be("staff (dry run, nothing written): 1 created, 0 updated, 0 unchanged\n");
        result.Code.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be("staff: 1 created, 0 updated, 0 unchanged\n");
        using var client = _service.Connect();
        var audit = System.Text.Encoding.UTF8.GetString(client.Execute(new ExportData("audit", ExportFormat.Csv)));
        audit.Should().Contain(",S-0001,cli,staff.create,S-0003,import new-staff.csv,");
    }

    [Fact]
    public async Task Embedded_WhileTheServiceRuns_Exits4NamingTheServicesPid()
    {
        _service = await RunningService.StartReadyAsync(_dir);

        var result = await McsopsAsync("--embedded", "audit", "verify");

        result.Code.Should().Be(4);
        result.Stderr.Should().Contain($"in use by another process (PID {Environment.ProcessId})");
    }

    [Fact]
    public async Task LockHeldAndNoSocketAnswers_Exits4SayingBoth()
    {
        using var holder = TestFacility.Open(_dir);

        var result = await McsopsAsync("due");

        result.Code.Should().Be(4);
        result.Stderr.Should().Contain($"in use by another process (PID {Environment.ProcessId})")
            .And.Contain($"the service's socket {Path.Combine(_dir, "admin.sock")} does not answer");
    }

    [Fact]
    public async Task ForcedSocket_ThatDoesNotAnswer_Exits4_AndWithEmbeddedExits2()
    {
        var forced = await McsopsAsync("--socket", Path.Combine(_dir, "nobody.sock"), "due");
        var both = await McsopsAsync("--socket", Path.Combine(_dir, "nobody.sock"), "--embedded", "due");

        forced.Code.Should().Be(4);
        forced.Stderr.Should().Contain("nobody.sock does not answer");
        both.Code.Should().Be(2);
        both.Stderr.Should().Contain("--embedded and --socket exclude each other");
    }

    private async Task<(int Code, string Stdout, string Stderr)> McsopsAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        string[] all = [Path.Combine(AppContext.BaseDirectory, "mcsops.dll"), "--data-dir", _dir, "--lang", "en", .. args];
        foreach (var a in all)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
