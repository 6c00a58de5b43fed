using System.Net;
using System.Text.Json.Nodes;
using McsOps.Core;

namespace McsOps.Bot.Tests;

/// <summary>The review flow and bad input through the real pipeline and a fake Slack on 127.0.0.1.</summary>
public sealed class SlackReviewTests : IAsyncLifetime
{
    private SlackWorld _w = null!;

    public async Task InitializeAsync() => _w = await SlackWorld.Start();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private static StaffCode S(string code) => StaffCode.Parse(code);

    private static string T(string key, params object?[] args) => Text.Get(Lang.Ja, key, args);

    /// <summary>The buttons of a message as Slack received it: (action id, value) in order.</summary>
    private static List<(string ActionId, string Value)> Buttons(JsonObject message) =>
        [.. message["blocks"]!.AsArray().Where(b => b!["type"]!.ToString() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => (e!["action_id"]!.ToString(), e["value"]!.ToString()))];

    private void NoPersonalData() => ChatSeed.NoPersonalData(_w.Outgoing);

    [Fact]
    public async Task AFullReviewByClicks_EndsWithRemovalsPendingMcsActionsAndTheMessageUpdatedInPlace()
    {
        var (status, ack) = await _w.Command(SlackWorld.Admin, "/review", "group P-0042");

        status.Should().Be(200);
        ack.Should().Contain("\"response_type\":\"ephemeral\"").And.Contain(T("chat.sent"));
        (await _w.Slack.WaitFor("conversations.open")).Body["users"]!.ToString().Should().Be(SlackWorld.Admin);
        var posted = await _w.Slack.WaitFor("chat.postMessage");
        posted.Body["channel"]!.ToString().Should().Be("D" + SlackWorld.Admin);
        var sheet = (posted.Body["channel"]!.ToString(), posted.Answer!["ts"]!.ToString());
        Buttons(posted.Body).Should().Equal(
            (ChatActions.Keep, "G-0042/S-0001"), (ChatActions.Remove, "G-0042/S-0001"), (ChatActions.Unsure, "G-0042/S-0001"),
            (ChatActions.Keep, "G-0042/S-0002"), (ChatActions.Remove, "G-0042/S-0002"), (ChatActions.Unsure, "G-0042/S-0002"),
            (ChatActions.Keep, "G-0042/S-0003"), (ChatActions.Remove, "G-0042/S-0003"), (ChatActions.Unsure, "G-0042/S-0003"));
        posted.Raw.Should().Contain("山田一郎").And.Contain("さくら訪問看護ステーション").And.Contain("\"type\":\"plain_text_input\"");

        (await _w.Click(SlackWorld.Admin, ChatActions.Keep, "G-0042/S-0001", sheet)).Status.Should().Be(200);
        (await _w.Slack.WaitFor("chat.update", 1)).Raw.Should().Contain("未回答 2/3");
        (await _w.Click(SlackWorld.Admin, ChatActions.Remove, "G-0042/S-0002", sheet)).Status.Should().Be(200);
        await _w.Slack.WaitFor("chat.update", 2);
        (await _w.Click(SlackWorld.Admin, ChatActions.Remove, "G-0042/S-0003", sheet, "他院へ移行")).Status.Should().Be(200);
        var last = await _w.Slack.WaitFor("chat.update", 3);

        _w.Slack.Calls("chat.update").Should().OnlyContain(u => u.Body["channel"]!.ToString() == sheet.Item1 && u.Body["ts"]!.ToString() == sheet.Item2);
        last.Raw.Should().Contain(T("chat.sheet.completed", 1, 2, 0));
        Buttons(last.Body).Should().BeEmpty();
        _w.Slack.Calls("chat.postMessage").Should().ContainSingle("every click updated the one message");
        ChatSeed.FullReviewRecorded(_w.Store, Channel.Slack);
        NoPersonalData();
    }

    [Fact]
    public async Task MyReviews_AreListedEphemeralWhereAsked_TheirButtonsOpenTheSheetInTheDm()
    {
        await _w.Command(SlackWorld.Admin, "/review", "group P-0042");
        await _w.Slack.WaitFor("chat.postMessage");

        var (status, list) = await _w.Command(SlackWorld.Admin, "/review", "");

        status.Should().Be(200);
        var blocks = JsonNode.Parse(list)!.AsObject();
        blocks["response_type"]!.ToString().Should().Be("ephemeral");
        Buttons(blocks).Should().Contain((ChatActions.ReviewGroup, "G-0042"));
        (await _w.Click(SlackWorld.Admin, ChatActions.ReviewGroup, "G-0042", ("C0001", "1700000000.000900"), ephemeral: true)).Status.Should().Be(200);
        (await _w.Slack.WaitFor("chat.postMessage", 2)).Raw.Should().Contain(ChatActions.Keep);
        _w.Slack.Calls("chat.postMessage").Should().HaveCount(2, "the list itself was not posted");
        NoPersonalData();
    }

    [Fact]
    public async Task RepliesToOneUser_OpenTheirDmOnce_AndAgainOnlyAfterSlackSaysItIsGone()
    {
        // Four different commands: the same one twice within a second would be a replay (401).
        await _w.Command(SlackWorld.Admin, "/review", "group P-0042");
        await _w.Slack.WaitFor("chat.postMessage");
        await _w.Command(SlackWorld.Admin, "/review", "group G-0042");
        await _w.Slack.WaitFor("chat.postMessage", 2);
        _w.Slack.Calls("conversations.open").Should().ContainSingle("the DM channel is kept");

        _w.Slack.Next("chat.postMessage", HttpStatusCode.OK, """{"ok":false,"error":"channel_not_found"}""");
        await _w.Command(SlackWorld.Admin, "/review", "group p-0042");
        await _w.Slack.WaitFor("chat.postMessage", 3);
        await _w.Command(SlackWorld.Admin, "/review", "group g-0042");
        await _w.Slack.WaitFor("chat.postMessage", 4);

        _w.Slack.Calls("conversations.open").Should().HaveCount(2, "a channel Slack no longer knows is opened again");
        _w.Slack.Calls("chat.postMessage").Select(p => p.Status == 200 && p.Answer!["ok"]!.GetValue<bool>()).Should().Equal(true, true, false, true);
    }

    [Fact]
    public async Task UnlinkedUser_GetsTheLinkInstructionsAndNothingElse()
    {
        var audit = _w.AuditCount;

        var (status, body) = await _w.Command(SlackWorld.Unlinked, "/review", "group P-0042");
        (await _w.Click(SlackWorld.Unlinked, ChatActions.Keep, "G-0042/S-0001", ("D1", "1.0"))).Status.Should().Be(200);

        status.Should().Be(200);
        body.Should().Contain(T("chat.link.howto"));
        (await _w.Slack.WaitFor("response")).Raw.Should().Contain(T("chat.link.howto"));
        _w.Slack.All.Should().OnlyContain(r => r.Method == "response");
        _w.AuditCount.Should().Be(audit);
        NoPersonalData();
    }

    [Fact]
    public async Task ASlashCommandFromSomeoneWhoIsNotTheReviewer_IsRefusedInline()
    {
        var (status, body) = await _w.Command(SlackWorld.Nurse, "/mcsops", "review group Ｐ－００４２");

        status.Should().Be(200);
        body.Should().Contain(T("chat.sheet.notyours", "G-0042")).And.NotContain("山田一郎");
        _w.Slack.All.Should().BeEmpty();
        _w.Store.Read(s => s.Reviews.All()).Should().BeEmpty();
    }

    [Fact]
    public async Task AClickFromSomeoneWhoIsNotTheReviewer_IsRefusedThroughTheResponseUrl()
    {
        await _w.Command(SlackWorld.Admin, "/review", "group G-0042");
        var posted = await _w.Slack.WaitFor("chat.postMessage");
        var audit = _w.AuditCount;

        (await _w.Click(SlackWorld.Nurse, ChatActions.Remove, "G-0042/S-0001", ("D" + SlackWorld.Admin, posted.Answer!["ts"]!.ToString()))).Status.Should().Be(200);

        var refusal = await _w.Slack.WaitFor("response");
        refusal.Raw.Should().Contain(T("op.review.notreviewer", "G-0042"));
        refusal.Body["replace_original"]!.GetValue<bool>().Should().BeFalse();
        _w.Slack.Calls("chat.update").Should().BeEmpty();
        _w.AuditCount.Should().Be(audit);
    }

    [Theory]
    [InlineData("review_everyone", "G-0042/S-0001")]
    [InlineData(ChatActions.Keep, "G-0042")]
    [InlineData(ChatActions.Keep, "G-0042/S-0009")]
    public async Task UnknownActionsAndValues_ChangeNothing(string actionId, string value)
    {
        await _w.Command(SlackWorld.Admin, "/review", "group G-0042");
        await _w.Slack.WaitFor("chat.postMessage");
        var audit = _w.AuditCount;

        (await _w.Click(SlackWorld.Admin, actionId, value, ("D" + SlackWorld.Admin, "1700000000.000001"))).Status.Should().Be(200);

        (await _w.Slack.WaitFor("response")).Body["response_type"]!.ToString().Should().Be("ephemeral");
        _w.Slack.Calls("chat.update").Should().BeEmpty();
        _w.AuditCount.Should().Be(audit);
    }

    [Fact]
    public async Task HugeText_UnderTheSizeLimit_IsAnUnknownCommand()
    {
        var audit = _w.AuditCount;

        var (status, body) = await _w.Command(SlackWorld.Admin, "/mcsops", "review group " + new string('P', 60_000));

        status.Should().Be(200);
        body.Should().Contain(T("chat.unknown"));
        _w.AuditCount.Should().Be(audit);
        _w.Slack.All.Should().BeEmpty();
    }

    [Fact]
    public async Task RateLimited_IsRetriedAfterRetryAfter_AndNothingIsLost()
    {
        _w.Slack.Next("chat.postMessage", HttpStatusCode.TooManyRequests, "{\"ok\":false,\"error\":\"ratelimited\"}", retryAfterSeconds: 2);

        await _w.Command(SlackWorld.Admin, "/review", "group G-0042");
        await _w.Slack.WaitFor("chat.postMessage");

        // The retry waits on the bot's clock: it must not come before two seconds have passed on it.
        var advanced = await ChatSeed.SecondsUntil(_w.Clock, () => _w.Slack.Calls("chat.postMessage").Count() >= 2, () => _w.Slack.WaitFor("chat.postMessage", 2, seconds: 1));

        advanced.Should().BeGreaterThanOrEqualTo(2);
        _w.Slack.Calls("chat.postMessage").Select(c => c.Status).Should().Equal(429, 200);
        _w.Slack.Calls("response").Should().BeEmpty();
    }

    [Fact]
    public async Task OkFalse_FromSlack_TellsTheUserThroughTheResponseUrl()
    {
        _w.Slack.Next("chat.postMessage", HttpStatusCode.OK, "{\"ok\":false,\"error\":\"channel_not_found\"}");

        await _w.Command(SlackWorld.Admin, "/review", "group G-0042");

        (await _w.Slack.WaitFor("response")).Raw.Should().Contain(T("chat.error"));
        _w.Slack.Calls("chat.postMessage").Should().ContainSingle();
    }

    [Fact]
    public async Task Help_AndStatus_AreAnsweredInline()
    {
        (await _w.Post("/slack/commands", SlackWorld.Form(("user_id", SlackWorld.Nurse), ("command", "/mcsops")))).Body.Should().Contain("review group P-0042", "no text is help");
        (await _w.Command(SlackWorld.Nurse, "/mcsops", "help")).Body.Should().Contain("review group P-0042");
        (await _w.Command(SlackWorld.Nurse, "/mcsops", "status")).Body.Should().Contain(T("chat.adminonly"));
        (await _w.Command(SlackWorld.Admin, "/mcsops", "status")).Body.Should().Contain(T("chat.status.title"));
        _w.Slack.All.Should().BeEmpty();
        NoPersonalData();
    }
}
