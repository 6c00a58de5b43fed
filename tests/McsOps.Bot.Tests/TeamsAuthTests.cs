using System.Security.Cryptography;
using System.Text.Json.Nodes;
using McsOps.Core;

namespace McsOps.Bot.Tests;

/// <summary>
/// Every activity's token is verified before anything is read: a refused one changes nothing in
/// the store, writes no audit entry and sends nothing to Teams. The activity used is the admin's
/// <c>review group P-0042</c>, which, processed, would open a review.
/// </summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsAuthTests : IAsyncLifetime
{
    private TeamsWorld _w = null!;

    public async Task InitializeAsync() => _w = await TeamsWorld.Start();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private JsonObject Review() => _w.Message(TeamsWorld.Admin, "review group P-0042");

    private DateTimeOffset Now => _w.Clock.GetUtcNow();

    /// <summary>Sends the review request with <paramref name="token"/> and checks that it got <paramref name="status"/> and changed nothing.</summary>
    private async Task Refused(string token, int status, JsonObject? activity = null)
    {
        var audit = _w.AuditCount;
        var changes = _w.Store.ChangeCounter;

        var (got, _) = await _w.Send(activity ?? Review(), token);

        got.Should().Be(status);
        _w.AuditCount.Should().Be(audit);
        _w.Store.ChangeCounter.Should().Be(changes);
        _w.Store.Read(s => s.Reviews.All()).Should().BeEmpty();
        _w.Store.Read(s => s.Conversations.Find(Channel.Teams, TeamsWorld.Admin)).Should().BeNull();
        _w.Teams.All.Should().BeEmpty("nothing may be sent for a refused activity, not even a token request");
    }

    [Fact]
    public async Task AValidToken_IsAccepted_AndTheMessageAnswered()
    {
        var (status, _) = await _w.Send(Review());

        status.Should().Be(200);
        (await _w.Teams.WaitFor("reply")).Raw.Should().Contain("G-0042");
    }

    [Fact]
    public async Task Unsigned_Is401() => await Refused(string.Empty, 401);

    [Theory]
    [InlineData("Basic Zm9vOmJhcg==")]
    [InlineData("Bearer")]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer e30.e30.")]
    public async Task NotABearerJwt_Is401(string header)
    {
        var audit = _w.AuditCount;
        using var client = _w.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Review().ToJsonString()) };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).Should().Be(401);
        _w.AuditCount.Should().Be(audit);
        _w.Teams.All.Should().BeEmpty();
    }

    [Fact]
    public async Task WrongIssuer_Is401() => await Refused(_w.Teams.Token(Now, issuer: "https://sts.windows.net/evil/"), 401);

    [Fact]
    public async Task NoIssuer_Is401() => await Refused(_w.Teams.Token(Now, issuer: null), 401);

    [Fact]
    public async Task WrongAudience_Is401() => await Refused(_w.Teams.Token(Now, audience: "another-bot-app-id"), 401);

    [Fact]
    public async Task Expired_BeyondFiveMinutesOfSkew_Is401() => await Refused(_w.Teams.Token(Now, expiresIn: TimeSpan.FromMinutes(-6)), 401);

    [Fact]
    public async Task Expired_WithinFiveMinutesOfSkew_IsAccepted()
    {
        (await _w.Send(Review(), _w.Teams.Token(Now, expiresIn: TimeSpan.FromMinutes(-4)))).Status.Should().Be(200);
    }

    [Fact]
    public async Task NotYetValid_BeyondTheSkew_Is401() => await Refused(_w.Teams.Token(Now, notBefore: Now.AddMinutes(6)), 401);

    [Fact]
    public async Task AlgNone_Is401()
    {
        var unsigned = _w.Teams.Token(Now, alg: "none");
        await Refused(unsigned, 401);
        // The same with a signature part present: the algorithm alone must refuse it.
        await Refused(unsigned + "c2lnbmF0dXJl", 401);
    }

    [Fact]
    public async Task Hs256_WithThePublicKeyAsSecret_Is401() => await Refused(_w.Teams.Token(Now, alg: "HS256"), 401);

    [Fact]
    public async Task SignedByAnUnpublishedKey_UnderAKnownKid_Is401()
    {
        using var other = RSA.Create(2048);
        await Refused(_w.Teams.Token(Now, key: other), 401);
    }

    [Fact]
    public async Task TamperedPayload_Is401()
    {
        var parts = _w.Token().Split('.');
        var forged = _w.Teams.Token(Now, audience: "x").Split('.')[1];
        await Refused($"{parts[0]}.{forged}.{parts[2]}", 401);
    }

    [Fact]
    public async Task UnknownKid_Is401_AfterOneFetchOfTheKeySet()
    {
        (await _w.Send(Review())).Status.Should().Be(200);
        var fetches = _w.Teams.KeyFetches;
        using var other = RSA.Create(2048);

        var (status, _) = await _w.Send(Review(), _w.Teams.Token(Now, kid: "rotated-key-9", key: other));
        var (again, _) = await _w.Send(Review(), _w.Teams.Token(Now, kid: "rotated-key-9", key: other));

        status.Should().Be(401);
        again.Should().Be(401);
        _w.Teams.KeyFetches.Should().Be(fetches, "the set was fetched less than a minute ago: a made-up kid does not make the bot fetch it again");
    }

    [Fact]
    public async Task UnknownKid_RefreshesTheKeySet_SoARotatedKeyIsAccepted()
    {
        (await _w.Send(Review())).Status.Should().Be(200);
        using var rotated = RSA.Create(2048);
        _w.Teams.Publish("rotated-key-9", rotated, "msteams");
        _w.Clock.Advance(TimeSpan.FromMinutes(2));

        var (status, _) = await _w.Send(_w.Message(TeamsWorld.Admin, "help"), _w.Teams.Token(Now, kid: "rotated-key-9", key: rotated));

        status.Should().Be(200);
        _w.Teams.KeyFetches.Should().Be(2);
    }

    [Fact]
    public async Task TheKeySet_IsCached_AndFetchedAgainAfterADay()
    {
        for (var i = 0; i < 5; i++)
        {
            (await _w.Send(_w.Message(TeamsWorld.Admin, "help"))).Status.Should().Be(200);
        }

        _w.Teams.MetadataFetches.Should().Be(1);
        _w.Teams.KeyFetches.Should().Be(1);

        _w.Clock.Advance(TimeSpan.FromHours(25));
        (await _w.Send(_w.Message(TeamsWorld.Admin, "help"))).Status.Should().Be(200);

        _w.Teams.MetadataFetches.Should().Be(2);
        _w.Teams.KeyFetches.Should().Be(2);
    }

    [Fact]
    public async Task UnendorsedChannel_Is403()
    {
        // Signed by the published webchat key: valid signature, but not endorsed for msteams.
        await Refused(_w.Teams.Token(Now, kid: "webchat-key-2", key: _w.Teams.WebChatKey), 403);
        // And an msteams key used for an activity claiming another channel.
        var activity = Review();
        activity["channelId"] = "directline";
        await Refused(_w.Token(), 403, activity);
    }

    [Fact]
    public async Task ServiceUrlOfTheTokenIsNotTheActivitys_Is403() =>
        await Refused(_w.Teams.Token(Now, serviceUrl: "https://smba.trafficmanager.net/apac/"), 403);

    [Fact]
    public async Task AServiceUrlOutsideAllowedServiceUrls_Is403_EvenWhenTheTokenVouchesForIt()
    {
        var activity = Review();
        activity["serviceUrl"] = "http://127.0.0.2:1/";
        await Refused(_w.Teams.Token(Now, serviceUrl: "http://127.0.0.2:1/"), 403, activity);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413()
    {
        var audit = _w.AuditCount;

        var (status, _) = await _w.SendRaw("{\"type\":\"message\",\"text\":\"" + new string('x', 200_000) + "\"}");

        status.Should().Be(413);
        _w.AuditCount.Should().Be(audit);
        _w.Teams.All.Should().BeEmpty();
    }
}
