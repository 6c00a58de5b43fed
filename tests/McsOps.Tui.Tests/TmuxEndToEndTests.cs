namespace McsOps.Tui.Tests;

/// <summary>The real <c>mcsops</c> binary on a real terminal: tmux at 100×30, TERM=xterm-256color.</summary>
[Collection("cli")]
public sealed class TmuxEndToEndTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Demo_InTmux_ShowsDashboardAndHelp_EscStays_QQuits()
    {
        var command = $"env TERM=xterm-256color dotnet '{CliRunner.MainDll}' --demo --data-dir '{_cli.DataDir}'; echo \"mcsops exited $?\"; sleep 600";
        using var tmux = new TmuxSession(100, 30, command);

        // Wait for the whole first paint (title, summary, total, status bar), not just its first line.
        string[] dashboard = ["McsOps › ダッシュボード", "期限切れ", "メンバー精査", "合計", "q  終了"];
        await tmux.WaitFor(s => dashboard.All(d => s.Contains(d, StringComparison.Ordinal)), "the dashboard");

        tmux.SendKeys("?");
        await tmux.WaitFor(s => s.Contains("ヘルプ — ダッシュボード", StringComparison.Ordinal) && s.Contains("McsOps を終了する", StringComparison.Ordinal), "the help dialog");

        tmux.SendKeys("Escape");
        await tmux.WaitFor(s => !s.Contains("ヘルプ — ダッシュボード", StringComparison.Ordinal), "the help dialog to close");
        tmux.SendKeys("Escape");
        tmux.SendKeys("?");
        await tmux.WaitFor(s => s.Contains("ヘルプ — ダッシュボード", StringComparison.Ordinal), "the help again, proving Escape left the program running", retry: "?");
        tmux.Capture().Should().NotContain("mcsops exited");
        tmux.SendKeys("Escape");
        await tmux.WaitFor(s => !s.Contains("ヘルプ — ダッシュボード", StringComparison.Ordinal), "the help dialog to close");

        tmux.SendKeys("q");
        await tmux.WaitFor(s => s.Contains("mcsops exited 0", StringComparison.Ordinal), "mcsops to exit 0 after q");
    }
}
