using McsOps.Core;
using McsOps.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace McsOps.Tui.Tests;

/// <summary>The dashboard's dead-letter line and its D key: the list of what the chat dispatcher gave up on, and retrying one with はい/いいえ.</summary>
[Collection("tui")]
public sealed class DeadLettersScreenTests
{
    private static void PutDead(TuiHarness tui, string key, string recipient, string error) => tui.Store.Write(s =>
    {
        s.Outbox.Upsert(new OutboxMessage
        {
            Key = key,
            Recipient = StaffCode.Parse(recipient),
            Kind = "password_reminder",
            Content = new MessageContent { Text = "パスワードの変更期限です" },
            CreatedAt = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
            NotBefore = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
            State = OutboxState.Dead,
            Attempts = 8,
            LastError = error,
        });
        return 0;
    });

    [Fact]
    public void Dashboard_NoDeadLetters_NoLine()
    {
        using var tui = new TuiHarness(100, 30);

        tui.Dashboard.DeadLetters.Should().Be(0);
        tui.Text().Should().NotContain("未送信 (dead)").And.Contain("未送信", "D is in the status bar");
    }

    [Fact]
    public void Dashboard_ShowsTheDeadCount_D_ListsThem_Enter_RetriesAfterYes_Audited()
    {
        using var tui = new TuiHarness(100, 30);
        PutDead(tui, "password:S-0002:2026-12-01:d7", "S-0002", "chat.postMessage: HTTP 500");
        PutDead(tui, "training:S-0003:2026-11", "S-0003", "conversations.open: user_not_found");

        tui.Press(Key.R);

        tui.Dashboard.DeadLetters.Should().Be(2);
        tui.Text().Should().Contain("未送信 (dead) 2 件 — D で一覧・再送");

        tui.Press(Key.D.WithShift);

        var screen = tui.Shell.Current.Should().BeOfType<DeadLettersScreen>().Subject;
        screen.Shown.Select(m => m.Key).Should().Equal("password:S-0002:2026-12-01:d7", "training:S-0003:2026-11");
        tui.Text().Should().Contain("McsOps › ダッシュボード › 未送信 (dead)").And.Contain("S-0002").And.Contain("chat.postMessage: HTTP 500")
            .And.Contain("最後のエラー").And.NotContain("パスワードの変更期限です");
        var before = tui.AuditCount();
        var question = tui.ThenYes();

        tui.Press(Key.Enter);

        question().Should().Be("S-0002 への「password_reminder」を再送します (試行回数は 0 に戻ります)。よろしいですか？");
        tui.Store.Read(s => s.Outbox.Find("password:S-0002:2026-12-01:d7"))!.Should()
            .Match<OutboxMessage>(m => m.State == OutboxState.Pending && m.Attempts == 0 && m.LastError == null);
        tui.AuditAfter(before).Should().ContainSingle().Which.Action.Should().Be("outbox.retry");
        screen.Shown.Select(m => m.Key).Should().Equal("training:S-0003:2026-11");
    }

    [Fact]
    public void Retry_AnsweredNo_ChangesNothing()
    {
        using var tui = new TuiHarness(100, 30);
        PutDead(tui, "training:S-0003:2026-11", "S-0003", "HTTP 500");
        var screen = tui.Open(new DeadLettersScreen(tui.Context));
        var changes = tui.Store.ChangeCounter;
        tui.ThenInDialogs((t, _) => t.App.InjectKey(Key.Esc));

        tui.Press(Key.S);

        tui.Store.ChangeCounter.Should().Be(changes);
        screen.Shown.Should().ContainSingle();
    }

    [Fact]
    public void English_LabelsAndTheKeyInTheHelp()
    {
        using var tui = new TuiHarness(100, 30, lang: "en");
        PutDead(tui, "training:S-0003:2026-11", "S-0003", "HTTP 500");

        tui.Press(Key.R);

        tui.Text().Should().Contain("1 dead letters — D lists them and retries");
        tui.Shell.KeysHelp.Should().Contain(k => k.What == "list and retry the dead letters");
        tui.Press(Key.D.WithShift);
        tui.Text().Should().Contain("Dead letters").And.Contain("last error").And.Contain("tries");
    }

    [Fact]
    public void Auditor_CannotRetry()
    {
        using var tui = new TuiHarness(100, 30, auditor: true);
        PutDead(tui, "training:S-0003:2026-11", "S-0003", "HTTP 500");
        var screen = tui.Open(new DeadLettersScreen(tui.Context));
        var changes = tui.Store.ChangeCounter;
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.Enter);

        tui.Shell.LastNotice.Should().Be("閲覧専用 (監査責任者) のため変更できません");
        tui.Store.ChangeCounter.Should().Be(changes);
        screen.Shown.Should().ContainSingle();
    }
}
