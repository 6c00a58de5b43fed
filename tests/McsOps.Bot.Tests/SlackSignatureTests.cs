using System.Text;
using McsOps.Core;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Bot.Tests;

/// <summary>Every Slack request is verified before anything is read: a refused one changes nothing and calls Slack for nothing.</summary>
public sealed class SlackSignatureTests : IAsyncLifetime
{
    /// <summary>The example of Slack's "Verifying requests from Slack": a slash command, signed with this secret at this time.</summary>
    private const string DocumentedBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocumentedTimestamp = "1531420618";
    private const string DocumentedSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private SlackWorld _w = null!;

    /// <summary>The admin's <c>/review group P-0042</c>: processed, it would open a review and write the audit log.</summary>
    private static string ReviewCommand(string nonce = "1") => SlackWorld.Form(("user_id", SlackWorld.Admin), ("command", "/review"), ("text", "group P-0042"), ("trigger_id", nonce));

    public async Task InitializeAsync() => _w = await SlackWorld.Start();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private void NothingHappened(long audit)
    {
        _w.AuditCount.Should().Be(audit);
        _w.Store.Read(s => s.Reviews.All()).Should().BeEmpty();
        _w.Slack.All.Should().BeEmpty();
    }

    [Fact]
    public async Task DocumentedExample_Verifies()
    {
        SlackWorld.Sign(SlackWorld.Secret, DocumentedTimestamp, DocumentedBody).Should().Be(DocumentedSignature);
        await using var w = await SlackWorld.Start(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + 10)));
        var audit = w.AuditCount;

        var (status, body) = await w.Post("/slack/commands", DocumentedBody, DocumentedTimestamp, DocumentedSignature);

        status.Should().Be(200);
        body.Should().Contain("\"response_type\":\"ephemeral\"").And.Contain(Text.Get(Lang.Ja, "chat.link.howto"), "U2CERLKJA is linked to nobody");
        w.AuditCount.Should().Be(audit);
    }

    [Fact]
    public async Task WrongSecret_Is401()
    {
        var audit = _w.AuditCount;
        var ts = _w.Now;

        (await _w.Post("/slack/commands", ReviewCommand(), ts, SlackWorld.Sign("another-secret", ts, ReviewCommand()))).Status.Should().Be(401);
        (await _w.Post("/slack/commands", ReviewCommand(), ts, SlackWorld.Sign(SlackWorld.Secret, ts, ReviewCommand() + "&x=1"))).Status.Should().Be(401);
        (await _w.Post("/slack/commands", ReviewCommand(), ts, "v0=" + new string('0', 64))).Status.Should().Be(401);
        (await _w.Post("/slack/commands", ReviewCommand(), ts, SlackWorld.Sign(SlackWorld.Secret, ts, ReviewCommand()).ToUpperInvariant())).Status.Should().Be(401);
        (await _w.Post("/slack/interactivity", "payload=%7B%7D", ts, SlackWorld.Sign("another-secret", ts, "payload=%7B%7D"))).Status.Should().Be(401);
        NothingHappened(audit);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public async Task TimestampMoreThanFiveMinutesAway_Is401(int seconds)
    {
        var audit = _w.AuditCount;
        var ts = (_w.Clock.GetUtcNow().ToUnixTimeSeconds() + seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await _w.Post("/slack/commands", ReviewCommand(), ts)).Status.Should().Be(401);
        NothingHappened(audit);
    }

    [Fact]
    public async Task TimestampWithinFiveMinutes_IsAccepted()
    {
        var ts = (_w.Clock.GetUtcNow().ToUnixTimeSeconds() - 299).ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await _w.Post("/slack/commands", SlackWorld.Form(("user_id", SlackWorld.Admin), ("command", "/mcsops"), ("text", "help")), ts)).Status.Should().Be(200);
    }

    [Fact]
    public async Task Replay_OfTheSameTimestampAndSignature_Is401()
    {
        var ts = _w.Now;
        var help = SlackWorld.Form(("user_id", SlackWorld.Admin), ("command", "/mcsops"), ("text", "help"));
        (await _w.Post("/slack/commands", help, ts)).Status.Should().Be(200);
        var audit = _w.AuditCount;

        (await _w.Post("/slack/commands", help, ts)).Status.Should().Be(401);
        _w.Clock.Advance(TimeSpan.FromSeconds(100));
        (await _w.Post("/slack/commands", help, ts)).Status.Should().Be(401);
        NothingHappened(audit);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task MissingHeaders_Is401(bool timestamp, bool signature)
    {
        var audit = _w.AuditCount;
        using var client = _w.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(ReviewCommand(), Encoding.UTF8, "application/x-www-form-urlencoded") };
        var ts = _w.Now;
        if (timestamp)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", ts);
        }

        if (signature)
        {
            request.Headers.Add("X-Slack-Signature", SlackWorld.Sign(SlackWorld.Secret, ts, ReviewCommand()));
        }

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).Should().Be(401);
        NothingHappened(audit);
    }

    [Fact]
    public async Task BodyOver64KiB_Is413EvenWhenSigned()
    {
        var audit = _w.AuditCount;
        var body = ReviewCommand() + "&pad=" + new string('a', 64 * 1024);

        (await _w.Post("/slack/commands", body)).Status.Should().Be(413);
        (await _w.Post("/slack/interactivity", body)).Status.Should().Be(413);
        NothingHappened(audit);
    }

    [Theory]
    [InlineData("payload=not-json")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("payload=%7B%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22UADMIN001%22%7D%2C%22actions%22%3A%5B%5D%7D")]
    [InlineData("payload=a&payload=b")]
    [InlineData("nopayload=1")]
    public async Task MalformedPayload_AfterAValidSignature_Is400(string body)
    {
        var audit = _w.AuditCount;

        (await _w.Post("/slack/interactivity", body)).Status.Should().Be(400);
        NothingHappened(audit);
    }

    [Theory]
    [InlineData("command=%2Freview&text=group+P-0042")]
    [InlineData("user_id=UADMIN001&text=group+P-0042")]
    [InlineData("user_id=&command=%2Freview&text=group+P-0042")]
    [InlineData("user_id=UADMIN001&user_id=UNURSE002&command=%2Freview&text=group+P-0042")]
    [InlineData("user_id=UADMIN001&command=%2Freview&text=group+P-0042&text=x")]
    public async Task SlashCommand_WithoutItsFields_Is400(string body)
    {
        var audit = _w.AuditCount;

        (await _w.Post("/slack/commands", body)).Status.Should().Be(400);
        NothingHappened(audit);
    }

    [Fact]
    public async Task AnInteractionMcsOpsDoesNotHandle_IsAcknowledgedAndIgnored()
    {
        var audit = _w.AuditCount;

        (await _w.Post("/slack/interactivity", SlackWorld.Form(("payload", "{\"type\":\"view_closed\",\"user\":{\"id\":\"UADMIN001\"}}")))).Status.Should().Be(200);
        NothingHappened(audit);
    }

    [Fact]
    public async Task WithoutASigningSecret_SlackIsOff_Its404()
    {
        await using var plain = await SlackWorld.Start(null, secret: null);
        using var client = plain.CreateClient();

        using var response = await client.PostAsync(new Uri("/slack/commands", UriKind.Relative), new StringContent(ReviewCommand()));

        ((int)response.StatusCode).Should().Be(404);
    }
}
