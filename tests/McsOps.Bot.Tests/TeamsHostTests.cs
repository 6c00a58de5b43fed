using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using McsOps.Bot.Chat.Teams;
using McsOps.Core;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Tests;

/// <summary>Teams in the real service (ServiceHost, a temp data directory, the real database): off unless configured, on end to end when it is, and its settings checked at start.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsHostTests
{
    [Fact]
    public async Task WithoutAnAppId_TeamsIsOff_AndApiMessagesIs404()
    {
        var dir = TestFacility.Create("admin");
        try
        {
            await using var service = await RunningService.StartReadyAsync(dir);
            using var http = new HttpClient { BaseAddress = service.Tcp };

            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{}"));

            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    [Fact]
    public async Task Configured_TheServiceAnswersASignedMessageInTheConversation()
    {
        var dir = TestFacility.Create("admin");
        await using var teams = await FakeTeams.Start();
        try
        {
            await using var service = await RunningService.StartReadyAsync(dir, teams.Settings);
            using var http = new HttpClient { BaseAddress = service.Tcp };
            var activity = new JsonObject
            {
                ["type"] = "message", ["id"] = "1000000000001", ["channelId"] = "msteams", ["serviceUrl"] = teams.ServiceUrl, ["text"] = "help",
                ["from"] = new JsonObject { ["id"] = "29:1abc", ["aadObjectId"] = "0a1b2c3d-0000-4000-8000-0000000000ff" },
                ["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = FakeTeams.TenantId },
                ["recipient"] = new JsonObject { ["id"] = "28:" + FakeTeams.AppId },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teams.Token(TimeProvider.System.GetUtcNow()));

            using var response = await http.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var reply = await teams.WaitFor("reply");
            reply.Path.Should().Be("/v3/conversations/a:1personal/activities/1000000000001");
            reply.Body["text"]!.ToString().Should().Be(Text.Get(Lang.Ja, "chat.link.howto"));
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    [Theory]
    [InlineData("Teams:OpenIdMetadataUrl=http://login.example.com/openid")]
    [InlineData("Teams:TokenEndpoint=http://login.example.com/token")]
    [InlineData("Teams:AllowedServiceUrls:0=http://smba.example.com/")]
    [InlineData("Teams:AllowedServiceUrls:0=not a url")]
    [InlineData("Teams:TenantId=")]
    public async Task ABadSetting_StopsTheStart_NamingTheKey(string bad)
    {
        var dir = TestFacility.NewDataDirectory();
        try
        {
            var key = bad[..bad.IndexOf('=', StringComparison.Ordinal)].Replace(":0", string.Empty, StringComparison.Ordinal);
            string[] settings = ["Teams:AppId=" + FakeTeams.AppId, "Teams:AppPassword=secret", "Teams:TenantId=" + FakeTeams.TenantId, bad];

            var start = async () => await RunningService.StartAsync(dir, settings);

            (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(key);
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    [Fact]
    public void AnAppIdWithoutAPassword_IsAnError_NotASilentlyOffPlatform()
    {
        var options = new TeamsOptions { AppId = FakeTeams.AppId };

        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Should().ContainSingle()
            .Which.ErrorMessage.Should().Contain("Teams:AppPassword");
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/apac/", true)]
    [InlineData("https://smba.trafficmanager.net/", true)]
    [InlineData("https://SMBA.trafficmanager.net/jp/", true)]
    [InlineData("http://smba.trafficmanager.net/apac/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://evil.example/smba.trafficmanager.net/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/apac/", false)]
    [InlineData("https://user@smba.trafficmanager.net/apac/", false)]
    [InlineData("/v3/conversations", false)]
    [InlineData("", false)]
    public void ServiceUrls_AreAllowedByTheDefaultListOnly(string url, bool allowed) =>
        new TeamsOptions().IsAllowedServiceUrl(url).Should().Be(allowed);

    [Fact]
    public void TheTokenEndpoint_DefaultsToTheTenantsEndpoint()
    {
        new TeamsOptions { TenantId = FakeTeams.TenantId }.TokenUrl.Should().Be(new Uri($"https://login.microsoftonline.com/{FakeTeams.TenantId}/oauth2/v2.0/token"));
        new TeamsOptions().OpenIdMetadataUrl.Should().Be(new Uri("https://login.botframework.com/v1/.well-known/openidconfiguration"));
    }
}
