using System.Net;
using McsOps.Core;
using McsOps.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Bot.Tests;

/// <summary>
/// Issue 8 item 5: requests that fail verification are limited per source address (429), verified
/// ones per chat user (a "slow down" answer), the admin socket per OS user (429); each lockout is
/// audited once, and the clock (fake) lets the key in again when its window has passed.
/// </summary>
public sealed class LimitTests
{
    private static int _sent;

    /// <summary>A signed <c>/mcsops help</c>; each body differs (a replay of the same signature is refused before any limit).</summary>
    private static string Help(string user) =>
        SlackWorld.Form(("user_id", user), ("command", "/mcsops"), ("text", "help"), ("trigger_id", Interlocked.Increment(ref _sent).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static int Lockouts(McsOps.Core.Storage.IStore store, string subject) =>
        store.Read(s => s.Audit.All().Count(e => e.Action == "security.lockout" && e.Subject == subject));

    [Fact]
    public async Task Slack_BadSignaturesFromOneAddress_Then429WithoutReading_AuditedOnce_UntilAMinutePassed()
    {
        await using var w = await SlackWorld.Start(null, SlackWorld.Secret, ("Chat:MaxUnverifiedPerMinute", "3"));

        for (var i = 0; i < 3; i++)
        {
            (await w.Post("/slack/commands", Help(SlackWorld.Admin), signature: "v0=00")).Status.Should().Be(401);
        }

        (await w.Post("/slack/commands", Help(SlackWorld.Admin))).Status.Should().Be(429, "even a good signature is not read from a locked address");
        (await w.Post("/slack/interactivity", "payload=x", signature: "v0=00")).Status.Should().Be(429);
        Lockouts(w.Store, "slack:127.0.0.1").Should().Be(1, "once per lockout, not per refused request");

        w.Clock.Advance(TimeSpan.FromSeconds(61));
        (await w.Post("/slack/commands", Help(SlackWorld.Admin))).Status.Should().Be(200);
        w.Store.Read(s => AuditChain.Verify(s.Audit.All())).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Slack_BehindTheProxy_TheForwardedAddressIsLimited_NotTheProxy()
    {
        await using var w = await SlackWorld.Start(null, SlackWorld.Secret, ("Chat:MaxUnverifiedPerMinute", "2"));

        for (var i = 0; i < 2; i++)
        {
            (await w.Post("/slack/commands", Help(SlackWorld.Admin), signature: "v0=00", forwardedFor: "198.51.100.7, 203.0.113.9")).Status.Should().Be(401);
        }

        (await w.Post("/slack/commands", Help(SlackWorld.Admin), forwardedFor: "203.0.113.9")).Status.Should().Be(429);
        (await w.Post("/slack/commands", Help(SlackWorld.Admin), forwardedFor: "203.0.113.10")).Status.Should().Be(200, "another address is not locked out");
        (await w.Post("/slack/commands", Help(SlackWorld.Admin))).Status.Should().Be(200, "nor the proxy itself");
        Lockouts(w.Store, "slack:203.0.113.9").Should().Be(1);
    }

    [Fact]
    public async Task Slack_AUserOverTheLimit_GetsSlowDown_OthersDoNot_AuditedOnce()
    {
        await using var w = await SlackWorld.Start(null, SlackWorld.Secret, ("Chat:MaxRequestsPerUserPerMinute", "2"));

        (await w.Post("/slack/commands", Help(SlackWorld.Nurse))).Body.Should().NotContain(Text.Get(Lang.Ja, "chat.slowdown"));
        (await w.Post("/slack/commands", Help(SlackWorld.Nurse))).Body.Should().NotContain(Text.Get(Lang.Ja, "chat.slowdown"));
        var third = await w.Post("/slack/commands", Help(SlackWorld.Nurse));
        var fourth = await w.Post("/slack/commands", SlackWorld.Form(("user_id", SlackWorld.Nurse), ("command", "/review"), ("text", "group G-0042")));

        third.Status.Should().Be(200);
        third.Body.Should().Contain(Text.Get(Lang.Ja, "chat.slowdown")).And.Contain("\"response_type\":\"ephemeral\"");
        fourth.Body.Should().Contain(Text.Get(Lang.Ja, "chat.slowdown"));
        w.Store.Read(s => s.Reviews.All()).Should().BeEmpty("the refused command did not run");
        (await w.Post("/slack/commands", Help(SlackWorld.Admin))).Body.Should().NotContain(Text.Get(Lang.Ja, "chat.slowdown"));
        Lockouts(w.Store, "slack:" + SlackWorld.Nurse).Should().Be(1);

        w.Clock.Advance(TimeSpan.FromSeconds(61));
        (await w.Post("/slack/commands", Help(SlackWorld.Nurse))).Body.Should().NotContain(Text.Get(Lang.Ja, "chat.slowdown"));
    }

    [Fact]
    public async Task Slack_ClicksOverTheLimit_AreToldOnceToSlowDown_ThenIgnored()
    {
        await using var w = await SlackWorld.Start(null, SlackWorld.Secret, ("Chat:MaxRequestsPerUserPerMinute", "1"));

        (await w.Click(SlackWorld.Nurse, "other", "G-0042", ("D1", "1.0"))).Status.Should().Be(200);
        await w.Slack.WaitFor(_ => true);
        var before = w.Slack.All.Count;
        w.Clock.Advance(TimeSpan.FromSeconds(1)); // the same click again is a new signature only at a new timestamp
        (await w.Click(SlackWorld.Nurse, "other", "G-0042", ("D1", "1.0"))).Status.Should().Be(200);
        w.Clock.Advance(TimeSpan.FromSeconds(1));
        (await w.Click(SlackWorld.Nurse, "other", "G-0042", ("D1", "1.0"))).Status.Should().Be(200);

        var told = await w.Slack.WaitFor(r => r.Raw.Contains(Text.Get(Lang.Ja, "chat.slowdown"), StringComparison.Ordinal));
        told.Should().NotBeNull();
        w.Slack.All.Count.Should().Be(before + 1, "one slow-down message per lockout, nothing for the clicks after it");
        Lockouts(w.Store, "slack:" + SlackWorld.Nurse).Should().Be(1);
    }

    [Fact]
    public async Task Teams_RefusedTokensFromOneAddress_Then429WithoutReading_AuditedOnce_UntilAMinutePassed()
    {
        await using var w = await TeamsWorld.Start("Chat:MaxUnverifiedPerMinute=3");

        (await w.Send(w.Message(TeamsWorld.Nurse, "help"), token: "")).Status.Should().Be(401);
        (await w.Send(w.Message(TeamsWorld.Nurse, "help"), token: "not-a-jwt")).Status.Should().Be(401);
        (await w.Send(w.Message(TeamsWorld.Nurse, "help"), token: w.Teams.Token(w.Clock.GetUtcNow(), serviceUrl: "https://elsewhere.example/"))).Status.Should().Be(403);

        (await w.Send(w.Message(TeamsWorld.Nurse, "help"))).Status.Should().Be(429, "even a good token is not read from a locked address");
        Lockouts(w.Store, "teams:127.0.0.1").Should().Be(1);

        w.Clock.Advance(TimeSpan.FromSeconds(61));
        (await w.Send(w.Message(TeamsWorld.Nurse, "help"))).Status.Should().Be(200);
        w.Store.Read(s => AuditChain.Verify(s.Audit.All())).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Teams_AUserOverTheLimit_GetsSlowDown_OthersDoNot_AuditedOnce()
    {
        await using var w = await TeamsWorld.Start("Chat:MaxRequestsPerUserPerMinute=2");

        for (var i = 0; i < 3; i++)
        {
            (await w.Send(w.Message(TeamsWorld.Nurse, "help"))).Status.Should().Be(200);
        }

        (await w.Send(w.Message(TeamsWorld.Admin, "help"))).Status.Should().Be(200);
        await w.Teams.WaitFor("reply", count: 4);
        var replies = w.Teams.Calls("reply").Select(r => r.Body["text"]?.GetValue<string>()).ToList();
        replies.Count(r => r == Text.Get(Lang.Ja, "chat.slowdown")).Should().Be(1, "only the nurse's third message");
        Lockouts(w.Store, "teams:" + TeamsWorld.Nurse).Should().Be(1);
    }

    [Fact]
    public void SlowDown_IsWrittenInJapaneseAndEnglish()
    {
        Text.Get(Lang.Ja, "chat.slowdown").Should().Contain("待って");
        Text.Get(Lang.En, "chat.slowdown").Should().Contain("wait a minute");
        Text.Get(Lang.En, "api.toomany", 5).Should().Be("too many requests (at most 5 per second); wait a moment and try again");
    }

    [Fact]
    public async Task AdminSocket_MoreThanTheLimitPerSecond_Is429_AuditedOnce_LongPollsNotCounted()
    {
        var dir = TestFacility.Create("admin");
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        try
        {
            await using var service = await RunningService.StartReadyAsync(dir, clock, "AdminApi:MaxRequestsPerSecond=5");
            using var http = service.Unix();
            var changes = service.Owner.Readiness().Changes;

            for (var i = 0; i < 5; i++)
            {
                (await Query(http)).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            using var refused = await Query(http);
            refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            var problem = await IdentityTests.Problem(refused);
            problem.Key.Should().Be("api.toomany");
            problem.ExitCode.Should().Be(ExitCode.Locked);
            (await Query(http)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            using (var poll = await http.GetAsync(new Uri($"changes?since={changes + 1}&wait=0", UriKind.Relative)))
            {
                poll.StatusCode.Should().Be(HttpStatusCode.OK, "a long-poll is not counted, nor refused");
            }

            clock.Advance(TimeSpan.FromSeconds(1.1));
            (await Query(http)).StatusCode.Should().Be(HttpStatusCode.OK);
            using var client = service.Connect();
            client.Execute(new ListAudit(null)).Entries.Count(e => e.Action == "security.lockout" && e.Subject == "os:" + TestFacility.Me).Should().Be(1);
            client.Execute(new VerifyAuditChain()).Intact.Should().BeTrue();
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    [Fact]
    public async Task AdminSocket_DefaultLimit_LetsThousandsOfSequentialQueriesThrough()
    {
        var dir = TestFacility.Create("admin");
        try
        {
            await using var service = await RunningService.StartReadyAsync(dir);
            using var http = service.Unix();
            var ok = 0;
            for (var i = 0; i < 2000; i++)
            {
                using var response = await Query(http);
                ok += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }

            ok.Should().Be(2000);
            service.Settings.MaxRequestsPerSecond.Should().Be(10_000);
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    private static Task<HttpResponseMessage> Query(HttpClient http) =>
        http.PostAsync(new Uri("ops/GetDatabaseSummary", UriKind.Relative), IdentityTests.Json("{}"));
}
