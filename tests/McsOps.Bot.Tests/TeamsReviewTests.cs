using System.Text.Json.Nodes;
using McsOps.Core;

namespace McsOps.Bot.Tests;

/// <summary>Commands, clicks, conversation references and malformed activities through the real pipeline and a fake Teams on 127.0.0.1.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsReviewTests : IAsyncLifetime
{
    private TeamsWorld _w = null!;

    public async Task InitializeAsync() => _w = await TeamsWorld.Start();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private static GroupCode G(string code) => GroupCode.Parse(code);

    private static string T(string key, params object?[] args) => Text.Get(Lang.Ja, key, args);

    /// <summary>The card of a message activity the bot sent.</summary>
    private static JsonObject CardOf(JsonObject activity) =>
        activity["attachments"]![0]!["contentType"]!.ToString() == "application/vnd.microsoft.card.adaptive"
            ? activity["attachments"]![0]!["content"]!.AsObject()
            : throw new InvalidOperationException("not an Adaptive Card");

    /// <summary>Every Action.Execute of a card, in order: (verb, data.action, data.value, fallback type).</summary>
    private static List<(string Verb, string Action, string Value, string Fallback)> Buttons(JsonNode? card)
    {
        var found = new List<(string, string, string, string)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o["type"]?.ToString() == "Action.Execute":
                    found.Add((o["verb"]!.ToString(), o["data"]!["action"]!.ToString(), o["data"]!["value"]!.ToString(), o["fallback"]!["type"]!.ToString()));
                    break;
                case JsonObject o:
                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(card);
        return found;
    }

    private void NoPersonalData() => ChatSeed.NoPersonalData(_w.Outgoing);

    [Fact]
    public async Task AFullReviewByClicks_EndsWithRemovalsPendingMcsActionsAndTheCardUpdatedInPlace()
    {
        var message = _w.Message(TeamsWorld.Admin, "<at>McsOps</at> review group P-0042");
        (await _w.Send(message)).Status.Should().Be(200);

        var reply = await _w.Teams.WaitFor("reply");
        reply.Path.Should().Be($"/v3/conversations/{TeamsWorld.ConversationOf(TeamsWorld.Admin)}/activities/{message["id"]}");
        _w.Teams.Calls("token").Should().ContainSingle();
        var card = CardOf(reply.Body);
        card["version"]!.ToString().Should().Be("1.5");
        Buttons(card).Should().Equal(
            (ChatActions.Keep, ChatActions.Keep, "G-0042/S-0001", "Action.Submit"), (ChatActions.Remove, ChatActions.Remove, "G-0042/S-0001", "Action.Submit"), (ChatActions.Unsure, ChatActions.Unsure, "G-0042/S-0001", "Action.Submit"),
            (ChatActions.Keep, ChatActions.Keep, "G-0042/S-0002", "Action.Submit"), (ChatActions.Remove, ChatActions.Remove, "G-0042/S-0002", "Action.Submit"), (ChatActions.Unsure, ChatActions.Unsure, "G-0042/S-0002", "Action.Submit"),
            (ChatActions.Keep, ChatActions.Keep, "G-0042/S-0003", "Action.Submit"), (ChatActions.Remove, ChatActions.Remove, "G-0042/S-0003", "Action.Submit"), (ChatActions.Unsure, ChatActions.Unsure, "G-0042/S-0003", "Action.Submit"));
        reply.Raw.Should().Contain("山田一郎").And.Contain("さくら訪問看護ステーション").And.Contain("\"type\":\"Input.Text\"").And.Contain("\"id\":\"justification\"");
        var cardId = "1000000000099";

        var (s1, first) = await _w.Send(_w.Click(TeamsWorld.Admin, ChatActions.Keep, "G-0042/S-0001", cardId));
        var (s2, _) = await _w.Send(_w.Click(TeamsWorld.Admin, ChatActions.Remove, "G-0042/S-0002", cardId));
        var (s3, last) = await _w.Send(_w.Click(TeamsWorld.Admin, ChatActions.Remove, "G-0042/S-0003", cardId, "他院へ移行"));

        new[] { s1, s2, s3 }.Should().AllBeEquivalentTo(200);
        var firstAnswer = JsonNode.Parse(first)!.AsObject();
        firstAnswer["statusCode"]!.GetValue<int>().Should().Be(200);
        firstAnswer["type"]!.ToString().Should().Be("application/vnd.microsoft.card.adaptive");
        firstAnswer["value"]!.ToJsonString(McsOps.Bot.Chat.Teams.TeamsCards.Json).Should().Contain("未回答 2/3");
        Buttons(firstAnswer["value"]).Should().HaveCount(9);
        var lastAnswer = JsonNode.Parse(last)!.AsObject();
        lastAnswer["type"]!.ToString().Should().Be("application/vnd.microsoft.card.adaptive");
        lastAnswer["value"]!.ToJsonString(McsOps.Bot.Chat.Teams.TeamsCards.Json).Should().Contain(T("chat.sheet.completed", 1, 2, 0));
        Buttons(lastAnswer["value"]).Should().BeEmpty();
        _w.Teams.Calls("reply").Should().ContainSingle("every click updated the one card inline");
        ChatSeed.FullReviewRecorded(_w.Store, Channel.Teams);
        NoPersonalData();
    }

    [Fact]
    public async Task TheActionSubmitFallback_RecordsTheDecision_AndUpdatesTheCardWithPut()
    {
        (await _w.Send(_w.Message(TeamsWorld.Admin, "review group G-0042"))).Status.Should().Be(200);
        await _w.Teams.WaitFor("reply");
        var submit = _w.Activity("message", TeamsWorld.Admin);
        submit["replyToId"] = "1000000000042";
        submit["value"] = new JsonObject { ["action"] = ChatActions.Unsure, ["value"] = "G-0042/S-0002", [ChatActions.Justification] = "確認中" };

        (await _w.Send(submit)).Status.Should().Be(200);

        var update = await _w.Teams.WaitFor("update");
        update.Path.Should().Be($"/v3/conversations/{TeamsWorld.ConversationOf(TeamsWorld.Admin)}/activities/1000000000042");
        update.Body["id"]!.ToString().Should().Be("1000000000042");
        update.Raw.Should().Contain("未回答 2/3");
        _w.Store.Read(s => s.Reviews.OpenFor(G("G-0042"))!.Items.Single(i => i.Member.Value == "S-0002").Decision).Should().Be(ReviewDecision.Unsure);
        NoPersonalData();
    }

    [Theory]
    [InlineData("/review group P-0042")]
    [InlineData("<at>McsOps</at>&nbsp;review&nbsp;group&nbsp;P-0042")]
    [InlineData("<p><at>Mcs&amp;Ops</at> /review group Ｐ－００４２</p>")]
    public async Task MentionsSlashesAndEntities_AreTheSameCommand(string text)
    {
        (await _w.Send(_w.Message(TeamsWorld.Admin, text))).Status.Should().Be(200);

        var reply = await _w.Teams.WaitFor("reply");
        Buttons(CardOf(reply.Body)).Should().HaveCount(9);
    }

    [Fact]
    public async Task UnlinkedUser_GetsTheLinkInstructionsAndNothingElse()
    {
        var audit = _w.AuditCount;

        (await _w.Send(_w.Message(TeamsWorld.Unlinked, "review group P-0042"))).Status.Should().Be(200);
        var (status, body) = await _w.Send(_w.Click(TeamsWorld.Unlinked, ChatActions.Keep, "G-0042/S-0001", "1000000000001"));

        status.Should().Be(200);
        JsonNode.Parse(body)!["type"]!.ToString().Should().Be("application/vnd.microsoft.activity.message");
        body.Should().Contain(T("chat.link.howto"));
        (await _w.Teams.WaitFor("reply")).Body["text"]!.ToString().Should().Be(T("chat.link.howto"));
        _w.AuditCount.Should().Be(audit);
        _w.Store.Read(s => s.Reviews.All()).Should().BeEmpty();
        NoPersonalData();
    }

    [Fact]
    public async Task AClickFromSomeoneWhoIsNotTheReviewer_IsRefusedInline_AndChangesNothing()
    {
        await _w.Send(_w.Message(TeamsWorld.Admin, "review group G-0042"));
        await _w.Teams.WaitFor("reply");
        var audit = _w.AuditCount;

        var (status, body) = await _w.Send(_w.Click(TeamsWorld.Nurse, ChatActions.Remove, "G-0042/S-0001", "1000000000001"));

        status.Should().Be(200);
        JsonNode.Parse(body)!["type"]!.ToString().Should().Be("application/vnd.microsoft.activity.message");
        JsonNode.Parse(body)!["value"]!.ToString().Should().Contain(T("op.review.notreviewer", "G-0042"));
        _w.AuditCount.Should().Be(audit);
    }

    [Fact]
    public async Task BotAdded_StoresTheConversationReference_AndAMessageRefreshesIt()
    {
        var changes = _w.Store.ChangeCounter;

        (await _w.Send(_w.BotAdded(TeamsWorld.Nurse))).Status.Should().Be(200);

        var stored = _w.Store.Read(s => s.Conversations.Find(Channel.Teams, TeamsWorld.Nurse));
        stored.Should().NotBeNull();
        stored!.ChatUserId.Should().Be(TeamsWorld.ChatUserOf(TeamsWorld.Nurse));
        stored.Tenant.Should().Be(FakeTeams.TenantId);
        stored.ServiceUrl.Should().Be(_w.Teams.ServiceUrl);
        stored.Conversation.Should().Be(TeamsWorld.ConversationOf(TeamsWorld.Nurse));
        _w.Store.ChangeCounter.Should().Be(changes + 1);
        _w.AuditCount.Should().Be(_w.Store.Read(s => s.Audit.Count()));

        // The same reference again writes nothing; a new conversation id is written.
        (await _w.Send(_w.Message(TeamsWorld.Nurse, "help"))).Status.Should().Be(200);
        _w.Store.ChangeCounter.Should().Be(changes + 1);
        var moved = _w.Message(TeamsWorld.Nurse, "help");
        moved["conversation"]!["id"] = "a:1another-personal";
        (await _w.Send(moved)).Status.Should().Be(200);
        _w.Store.Read(s => s.Conversations.Find(Channel.Teams, TeamsWorld.Nurse))!.Conversation.Should().Be("a:1another-personal");

        // A group chat does not replace the 1:1 conversation.
        var group = _w.Message(TeamsWorld.Nurse, "help");
        group["conversation"] = new JsonObject { ["conversationType"] = "groupChat", ["id"] = "19:group@thread.v2", ["tenantId"] = FakeTeams.TenantId };
        (await _w.Send(group)).Status.Should().Be(200);
        _w.Store.Read(s => s.Conversations.Find(Channel.Teams, TeamsWorld.Nurse))!.Conversation.Should().Be("a:1another-personal");
    }

    [Fact]
    public async Task AConversationUpdateThatDoesNotAddTheBot_StoresNothing()
    {
        var update = _w.Activity("conversationUpdate", TeamsWorld.Nurse);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1someone-else" });

        (await _w.Send(update)).Status.Should().Be(200);

        _w.Store.Read(s => s.Conversations.Find(Channel.Teams, TeamsWorld.Nurse)).Should().BeNull();
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not JSON", "{\"type\":" },
        { "an array", "[]" },
        { "no type", "{\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"conversation\":{\"id\":\"a:1\"}}" },
        { "no from", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"conversation\":{\"id\":\"a:1\"},\"text\":\"review group P-0042\"}" },
        { "no conversation", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"text\":\"review group P-0042\"}" },
        { "text a number", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"conversation\":{\"id\":\"a:1\"},\"text\":42}" },
        { "from a string", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":\"29:1\",\"conversation\":{\"id\":\"a:1\"},\"text\":\"review group P-0042\"}" },
        { "no aadObjectId", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\"},\"conversation\":{\"id\":\"a:1\"},\"text\":\"review group P-0042\"}" },
        { "invoke without data", "{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"conversation\":{\"id\":\"a:1\"},\"value\":{\"trigger\":\"manual\"}}" },
        { "invoke value a string", "{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"conversation\":{\"id\":\"a:1\"},\"value\":\"keep\"}" },
        { "membersAdded of strings", "{\"type\":\"conversationUpdate\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"conversation\":{\"id\":\"a:1\"},\"recipient\":{\"id\":\"28:x\"},\"membersAdded\":[\"28:x\"]}" },
        { "huge text", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"conversation\":{\"id\":\"a:1\"},\"text\":\"review group " + new string('P', 60_000) + "\"}" },
        { "deep JSON", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"@SU\",\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"0a1b2c3d-0000-4000-8000-000000000001\"},\"conversation\":{\"id\":\"a:1\"},\"text\":\"help\",\"channelData\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "}" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedActivities_Are400_AndNothingIsRecorded(string what, string body)
    {
        var audit = _w.AuditCount;
        var changes = _w.Store.ChangeCounter;

        var (status, _) = await _w.SendRaw(body.Replace("@SU", _w.Teams.ServiceUrl, StringComparison.Ordinal));

        status.Should().Be(400, what);
        _w.AuditCount.Should().Be(audit);
        _w.Store.ChangeCounter.Should().Be(changes);
        _w.Teams.All.Should().BeEmpty();
    }

    [Fact]
    public async Task AJustificationOverTheLimit_Is400_AndTheDecisionIsNotRecorded()
    {
        await _w.Send(_w.Message(TeamsWorld.Admin, "review group G-0042"));
        await _w.Teams.WaitFor("reply");
        var audit = _w.AuditCount;

        var (status, _) = await _w.Send(_w.Click(TeamsWorld.Admin, ChatActions.Remove, "G-0042/S-0003", "1000000000001", new string('理', 4001)));

        status.Should().Be(400);
        _w.AuditCount.Should().Be(audit);
        Decision().Should().Be(ReviewDecision.Pending);

        (await _w.Send(_w.Click(TeamsWorld.Admin, ChatActions.Remove, "G-0042/S-0003", "1000000000001", new string('理', 400)))).Status.Should().Be(200);
        Decision().Should().Be(ReviewDecision.Remove, "the same click with a reason that fits is recorded");

        ReviewDecision? Decision() => _w.Store.Read(s => s.Reviews.OpenFor(G("G-0042"))!.Items.Single(i => i.Member.Value == "S-0003").Decision);
    }

    [Fact]
    public async Task OtherActivityTypes_AreAcknowledged_AndChangeNothing()
    {
        var changes = _w.Store.ChangeCounter;

        (await _w.Send(_w.Activity("typing", TeamsWorld.Admin))).Status.Should().Be(200);
        (await _w.Send(_w.Activity("messageReaction", TeamsWorld.Admin))).Status.Should().Be(200);

        _w.Store.ChangeCounter.Should().Be(changes);
        _w.Teams.All.Should().BeEmpty();
    }

    [Fact]
    public async Task AReplyRateLimited_IsSentAgainAfterRetryAfter_OnTheBotsClock()
    {
        _w.Teams.Next("reply", 429, retryAfterSeconds: 2);

        (await _w.Send(_w.Message(TeamsWorld.Admin, "help"))).Status.Should().Be(200);
        await _w.Teams.WaitFor("reply");

        // The retry waits on the bot's clock: it must not come before two seconds have passed on it.
        var advanced = await ChatSeed.SecondsUntil(_w.Clock, () => _w.Teams.Calls("reply").Count() >= 2, () => _w.Teams.WaitFor("reply", 2, seconds: 1));

        advanced.Should().BeGreaterThanOrEqualTo(2);
        _w.Teams.Calls("reply").Select(c => c.Status).Should().Equal(429, 200);
    }

    [Fact]
    public async Task AReplyRefusedFor4xx_IsNotSentAgain()
    {
        _w.Teams.Next("reply", 403);

        (await _w.Send(_w.Message(TeamsWorld.Admin, "help"))).Status.Should().Be(200);
        await _w.Teams.WaitFor("reply");
        _w.Clock.Advance(TimeSpan.FromMinutes(1));
        (await _w.Send(_w.Message(TeamsWorld.Admin, "status"))).Status.Should().Be(200);
        await _w.Teams.WaitFor("reply", 2);

        _w.Teams.Calls("reply").Select(c => c.Status).Should().Equal(403, 200);
        _w.Teams.Calls("reply").Last().Raw.Should().Contain(T("chat.status.title"), "the next reply is the next message's, not the refused one again");
    }

    [Fact]
    public async Task Help_AndStatus_AreAnsweredInTheConversation()
    {
        await _w.Send(_w.Message(TeamsWorld.Nurse, "help"));
        (await _w.Teams.WaitFor("reply")).Body["text"]!.ToString().Should().Contain("review group P-0042");
        await _w.Send(_w.Message(TeamsWorld.Nurse, "status"));
        (await _w.Teams.WaitFor("reply", 2)).Body["text"]!.ToString().Should().Contain(T("chat.adminonly"));
        await _w.Send(_w.Message(TeamsWorld.Admin, "status"));
        (await _w.Teams.WaitFor("reply", 3)).Raw.Should().Contain(T("chat.status.title"));
        _w.Teams.Calls("token").Should().ContainSingle("the token is cached");
        NoPersonalData();
    }
}
