using System.Text;
using McsOps.Core.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Tui.Tests;

/// <summary>The real <c>mcsops</c> executable, as separate processes, as an admin would run it.</summary>
[Collection("cli")]
public sealed class ProcessTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_WhileAnotherProcessOwnsTheDatabase_Exits4NamingItsPid()
    {
        _cli.Run("import", "facilities", _cli.Write("f.csv", "facility_code,name,kind,is_home\nF-0001,山田クリニック,clinic,true\n")).Code.Should().Be(0);
        var staff = _cli.Write("s.csv", "staff_code,facility_code,name,profession\nS-0001,F-0001,名前,nurse\n");
        var time = new FakeTimeProvider();

        using (LiteDbStore.Open(Path.Combine(_cli.DataDir, "mcsops.db"), Path.Combine(_cli.DataDir, "mcsops.key"), time))
        {
            var result = await CliRunner.RunProcessAsync("import", "staff", staff, "--data-dir", _cli.DataDir, "--lang", "en");

            result.Code.Should().Be(4);
            result.Stderr.Should().Contain($"in use by another process (PID {Environment.ProcessId})");
        }

        (await CliRunner.RunProcessAsync("import", "staff", staff, "--data-dir", _cli.DataDir)).Code.Should().Be(0);
    }

    [Fact]
    public async Task TwoImportsStartedTogether_OneSucceedsTheOtherExits4WithTheHoldersPid()
    {
        _cli.Run("import", "facilities", _cli.Write("f.csv", "facility_code,name,kind,is_home\nF-0001,山田クリニック,clinic,true\n")).Code.Should().Be(0);
        var sb = new StringBuilder("staff_code,facility_code,name,profession\n");
        for (var i = 0; i < 40_000; i++)
        {
            sb.Append("S-").Append(i).Append(",F-0001,名前,nurse\n");
        }

        var big = _cli.Write("big.csv", sb.ToString());
        var pidFile = Path.Combine(_cli.DataDir, "mcsops.db.lock.pid");
        File.Delete(pidFile);

        using var first = CliRunner.Start("import", "staff", big, "--data-dir", _cli.DataDir, "--lang", "en");
        first.StandardInput.Close();
        var firstOut = first.StandardOutput.ReadToEndAsync();
        var firstErr = first.StandardError.ReadToEndAsync();
        await WaitUntil(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim() == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var second = await CliRunner.RunProcessAsync("import", "staff", big, "--data-dir", _cli.DataDir, "--lang", "en");
        await first.WaitForExitAsync();

        first.ExitCode.Should().Be(0, await firstErr);
        (await firstOut).Should().Be("staff: 40000 created, 0 updated, 0 unchanged\n");
        second.Code.Should().Be(4);
        second.Stderr.Should().Contain($"PID {first.Id}");
        var verify = await CliRunner.RunProcessAsync("audit", "verify", "--data-dir", _cli.DataDir, "--lang", "en");
        verify.Code.Should().Be(0);
        verify.Stdout.Should().Be("audit chain verified: 40001 entries intact\n");
    }

    [Fact]
    public async Task Demo_WithStdoutNotATerminal_PrintsTheSummaryAndExits0()
    {
        var result = await CliRunner.RunProcessAsync("--demo", "--data-dir", _cli.DataDir);

        result.Code.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("山田クリニック");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
