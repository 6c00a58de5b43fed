using McsOps.Bot.Chat;
using McsOps.Core;
using Microsoft.Extensions.DependencyInjection;

namespace McsOps.Bot.Tests;

/// <summary>The outbox dispatcher's view of Teams: who is reachable, one proactive delivery, and what each platform answer becomes.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsDeliveryTests : IAsyncLifetime
{
    private TeamsWorld _w = null!;

    public async Task InitializeAsync() => _w = await TeamsWorld.Start();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private IChatDelivery Delivery => _w.Services.GetServices<IChatDelivery>().Single(d => d.Platform == Channel.Teams);

    private Staff Nurse => _w.Store.Read(s => s.Staff.Find(StaffCode.Parse("S-0002")))!;

    private static MessageContent Reminder => new()
    {
        Text = "レビューの期限が近づいています: G-0042",
        Fields = [new MessageField("G-0042", "未回答 3/3")
        {
            Buttons = [new MessageButton("確認する", ChatActions.ReviewGroup, "G-0042")],
        }],
    };

    private async Task<ChatAddress> NurseAddedTheBot()
    {
        (await _w.Send(_w.BotAdded(TeamsWorld.Nurse))).Status.Should().Be(200);
        return Delivery.AddressOf(Nurse)!;
    }

    [Fact]
    public async Task AddressOf_IsNull_UntilTheUserAddedTheBot()
    {
        Delivery.AddressOf(Nurse).Should().BeNull("no conversation reference yet");
        Delivery.AddressOf(_w.Store.Read(s => s.Staff.Find(StaffCode.Parse("S-0001")))! with { TeamsUserId = null }).Should().BeNull("not linked to Teams");

        var address = await NurseAddedTheBot();

        address.Should().Be(new ChatAddress(TeamsWorld.Nurse, TeamsWorld.ConversationOf(TeamsWorld.Nurse), FakeTeams.TenantId));
    }

    [Fact]
    public async Task Deliver_PostsTheCardToTheKnownConversation()
    {
        var address = await NurseAddedTheBot();

        var result = await Delivery.DeliverAsync(address, Reminder, CancellationToken.None);

        var posted = _w.Teams.Calls("post").Single();
        result.Should().Be(new DeliveryResult.Accepted(System.Text.Json.Nodes.JsonNode.Parse(posted.Answer)!["id"]!.ToString()));
        posted.Path.Should().Be($"/v3/conversations/{TeamsWorld.ConversationOf(TeamsWorld.Nurse)}/activities");
        posted.Body["attachments"]![0]!["content"]!["version"]!.ToString().Should().Be("1.5");
        posted.Raw.Should().Contain("\"verb\":\"review_group\"").And.NotContainAny(ChatSeed.PersonalData);
        _w.Teams.Calls("create").Should().BeEmpty();
    }

    [Fact]
    public async Task Deliver_WithoutAKnownConversation_CreatesTheOneToOneConversationFirst()
    {
        _w.Store.Write(s =>
        {
            s.Conversations.Save(new ChatConversation(Channel.Teams, TeamsWorld.Nurse, TeamsWorld.ChatUserOf(TeamsWorld.Nurse), FakeTeams.TenantId, _w.Teams.ServiceUrl, null, _w.Clock.GetUtcNow()));
            return true;
        });
        var address = Delivery.AddressOf(Nurse)!;
        address.Conversation.Should().Be(TeamsWorld.Nurse, "the pacing key while the conversation is not known");

        var result = await Delivery.DeliverAsync(address, Reminder, CancellationToken.None);

        result.Should().BeOfType<DeliveryResult.Accepted>();
        var created = _w.Teams.Calls("create").Single();
        created.Path.Should().Be("/v3/conversations");
        created.Body["members"]![0]!["id"]!.ToString().Should().Be(TeamsWorld.ChatUserOf(TeamsWorld.Nurse));
        created.Body["tenantId"]!.ToString().Should().Be(FakeTeams.TenantId);
        created.Body["channelData"]!["tenant"]!["id"]!.ToString().Should().Be(FakeTeams.TenantId);
        created.Body["bot"]!["id"]!.ToString().Should().Be(TeamsWorld.Bot);
        created.Body["isGroup"]!.GetValue<bool>().Should().BeFalse();
        var conversation = _w.Store.Read(s => s.Conversations.Find(Channel.Teams, TeamsWorld.Nurse))!.Conversation;
        conversation.Should().StartWith("a:1fake-conversation-");
        _w.Teams.Calls("post").Single().Path.Should().Be($"/v3/conversations/{conversation}/activities");
    }

    [Fact]
    public async Task RateLimited_IsThrottledForRetryAfter()
    {
        var address = await NurseAddedTheBot();
        _w.Teams.Next("post", 429, retryAfterSeconds: 7);

        (await Delivery.DeliverAsync(address, Reminder, CancellationToken.None)).Should().Be(new DeliveryResult.Throttled(TimeSpan.FromSeconds(7)));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    public async Task PlatformRefusals_AreFailures_RetryableFor5xxOnly(int status, bool retryable)
    {
        var address = await NurseAddedTheBot();
        _w.Teams.Next("post", status);

        var result = await Delivery.DeliverAsync(address, Reminder, CancellationToken.None);

        result.Should().BeOfType<DeliveryResult.Failed>().Which.Retryable.Should().Be(retryable);
    }

    [Fact]
    public async Task TheTokenEndpoint_RefusingOrFailing_IsAFailure()
    {
        var address = await NurseAddedTheBot();
        _w.Teams.Next("token", 503);
        (await Delivery.DeliverAsync(address, Reminder, CancellationToken.None)).Should().BeOfType<DeliveryResult.Failed>().Which.Retryable.Should().BeTrue();
        _w.Teams.Next("token", 400);
        (await Delivery.DeliverAsync(address, Reminder, CancellationToken.None)).Should().BeOfType<DeliveryResult.Failed>().Which.Retryable.Should().BeFalse();
        _w.Teams.Calls("post").Should().BeEmpty();
    }

    [Fact]
    public async Task TheToken_IsCached_AndRenewedFiveMinutesBeforeItExpires()
    {
        var address = await NurseAddedTheBot();

        await Delivery.DeliverAsync(address, Reminder, CancellationToken.None);
        _w.Clock.Advance(TimeSpan.FromMinutes(54));
        await Delivery.DeliverAsync(address, Reminder, CancellationToken.None);
        _w.Teams.Calls("token").Should().ContainSingle();

        _w.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Delivery.DeliverAsync(address, Reminder, CancellationToken.None)).Should().BeOfType<DeliveryResult.Accepted>();
        _w.Teams.Calls("token").Should().HaveCount(2);
        _w.Teams.Calls("token").Should().OnlyContain(t => !t.Raw.Contains(FakeTeams.AppPassword, StringComparison.Ordinal) && t.Raw.Contains("client_credentials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AServiceUrlOutsideTheAllowedList_GetsNoToken_AndIsAFinalFailure()
    {
        _w.Store.Write(s =>
        {
            s.Conversations.Save(new ChatConversation(Channel.Teams, TeamsWorld.Nurse, TeamsWorld.ChatUserOf(TeamsWorld.Nurse), FakeTeams.TenantId, "https://evil.example/", "a:1x", _w.Clock.GetUtcNow()));
            return true;
        });

        var result = await Delivery.DeliverAsync(Delivery.AddressOf(Nurse)!, Reminder, CancellationToken.None);

        result.Should().BeOfType<DeliveryResult.Failed>().Which.Retryable.Should().BeFalse();
        _w.Teams.All.Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnreachableConnector_IsARetryableFailure_NotAnException()
    {
        var address = await NurseAddedTheBot();
        await Delivery.DeliverAsync(address, Reminder, CancellationToken.None);
        // The Connector gone: its loopback port now refuses connections.
        var closed = new Uri(_w.Teams.ServiceUrl);
        await _w.Teams.DisposeAsync();

        var result = await Delivery.DeliverAsync(address, Reminder, CancellationToken.None);

        closed.IsLoopback.Should().BeTrue();
        result.Should().BeOfType<DeliveryResult.Failed>().Which.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task NoReference_IsAFinalFailure()
    {
        var result = await Delivery.DeliverAsync(new ChatAddress(TeamsWorld.Unlinked, TeamsWorld.Unlinked, null), Reminder, CancellationToken.None);

        result.Should().BeOfType<DeliveryResult.Failed>().Which.Retryable.Should().BeFalse();
        _w.Teams.All.Should().BeEmpty();
    }
}
