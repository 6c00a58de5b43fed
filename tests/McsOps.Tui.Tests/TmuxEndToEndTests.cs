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

    [Theory]
    [InlineData("tmux-256color", "")]
    [InlineData("screen", "NO_COLOR=1")]
    public async Task Demo_InOtherTerminals_AndWithoutColour_DrawsAlignedAndQuits(string term, string env)
    {
        var command = $"env TERM={term} {env} dotnet '{CliRunner.MainDll}' --demo --data-dir '{_cli.DataDir}'; echo \"mcsops exited $?\"; sleep 600";
        using var tmux = new TmuxSession(80, 24, command);

        var screen = await tmux.WaitFor(s => s.Contains("McsOps › ダッシュボード", StringComparison.Ordinal) && s.Contains("q  終了", StringComparison.Ordinal), "the dashboard");
        var lines = screen.Split('\n');
        var header = lines.Single(l => l.Contains("期限切れ  本日期限", StringComparison.Ordinal));
        var rows = lines.Where(l => l.Contains("│期限切れ│", StringComparison.Ordinal)).ToList();
        rows.Should().NotBeEmpty();
        rows.Select(l => Terminal.Gui.Text.StringExtensions.GetColumns(l[..l.IndexOf("│期限切れ│", StringComparison.Ordinal)], true)).Distinct()
            .Should().ContainSingle("the severity column starts in the same cell on every row, after kanji categories");
        header.Should().NotBeNull();

        tmux.SendKeys("q");
        await tmux.WaitFor(s => s.Contains("mcsops exited 0", StringComparison.Ordinal), "mcsops to exit 0 after q");
    }

    [Fact]
    public async Task Demo_InTmux_FilterGroupsByKana_OpenGroup_RecordDischarge_SeeArchiveActionOnDashboard()
    {
        var export = await CliRunner.RunProcessAsync("export", "patients", "--demo", "--data-dir", _cli.DataDir);
        export.Code.Should().Be(0, export.Stderr);
        var kana = export.Stdout.Split('\n').Single(l => l.StartsWith("P-0004,", StringComparison.Ordinal)).Split(',')[2].Split(' ')[0];
        var hiragana = new string([.. kana.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c)]);
        var command = $"env TERM=xterm-256color dotnet '{CliRunner.MainDll}' --demo --data-dir '{_cli.DataDir}'; echo \"mcsops exited $?\"; sleep 600";
        using var tmux = new TmuxSession(100, 30, command);
        await tmux.WaitFor(s => s.Contains("McsOps › ダッシュボード", StringComparison.Ordinal) && s.Contains("合計", StringComparison.Ordinal), "the dashboard");
        (await tmux.WaitFor(_ => true, "the dashboard")).Should().NotContain("G-0004 ", "no archive action yet").And.NotContain("グループの保管");

        tmux.SendKeys(":");
        await tmux.WaitFor(s => s.Contains("staff [S-…]", StringComparison.Ordinal), "the command palette");
        tmux.SendKeys("-l", "groups");
        tmux.SendKeys("Enter");
        await tmux.WaitFor(s => s.Contains("McsOps › ダッシュボード › グループ", StringComparison.Ordinal) && s.Contains(" 件", StringComparison.Ordinal), "the group list");

        tmux.SendKeys("/");
        tmux.SendKeys("-l", hiragana);
        var filtered = await tmux.WaitFor(s => s.Contains("/" + hiragana, StringComparison.Ordinal) && s.Contains("G-0004", StringComparison.Ordinal) && !s.Contains("G-0001", StringComparison.Ordinal), "the list filtered by kana");
        filtered.Should().Contain(kana);

        tmux.SendKeys("Enter");
        tmux.SendKeys("Down");
        tmux.SendKeys("Up");
        tmux.SendKeys("Enter");
        await tmux.WaitFor(s => s.Contains("› グループ › G-0004", StringComparison.Ordinal) && s.Contains("参加中", StringComparison.Ordinal), "the group G-0004");

        tmux.SendKeys("d");
        await tmux.WaitFor(s => s.Contains("終了を記録 — G-0004", StringComparison.Ordinal), "the discharge form");
        tmux.SendKeys("Tab");
        tmux.SendKeys("-l", "死亡");
        tmux.SendKeys("Enter");
        await tmux.WaitFor(s => s.Contains("の終了", StringComparison.Ordinal) && s.Contains("はい", StringComparison.Ordinal), "the confirmation");
        tmux.SendKeys("Enter");
        await tmux.WaitFor(s => s.Contains("MCSでの作業: グループの保管", StringComparison.Ordinal), "the archive action on the group");

        tmux.SendKeys("Escape");
        await tmux.WaitFor(s => s.Contains("McsOps › ダッシュボード › グループ", StringComparison.Ordinal) && !s.Contains("› G-0004", StringComparison.Ordinal), "back to the groups");
        tmux.SendKeys("Escape");
        await tmux.WaitFor(s => s.Contains("/  ", StringComparison.Ordinal) || !s.Contains("/" + hiragana, StringComparison.Ordinal), "the filter cleared", retry: null);
        tmux.SendKeys("Escape");
        await tmux.WaitFor(s => !s.Contains("› グループ", StringComparison.Ordinal), "the dashboard", retry: null);
        tmux.SendKeys("/");
        tmux.SendKeys("-l", "G-0004");
        var dashboard = await tmux.WaitFor(
            s => s.Split('\n').Any(l => l.Contains("MCSでの作業", StringComparison.Ordinal) && l.Contains("G-0004", StringComparison.Ordinal)) && !s.Contains("› グループ", StringComparison.Ordinal),
            "the archive action on the dashboard",
            retry: null);
        dashboard.Should().Contain("McsOps › ダッシュボード");

        tmux.SendKeys("Enter");
        tmux.SendKeys("Escape");
        await tmux.WaitFor(s => s.Contains("/    ", StringComparison.Ordinal) && s.Contains("メンバー精査  ", StringComparison.Ordinal), "the filter cleared by Esc");
        tmux.SendKeys("q");
        await tmux.WaitFor(s => s.Contains("mcsops exited 0", StringComparison.Ordinal), "mcsops to exit 0 after q");
    }
}
