using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace McsOps.Bot.Tests;

public sealed class HealthTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public HealthTests(WebApplicationFactory<Program> factory) => _factory = factory;

    [Fact]
    public async Task Healthz_AnswersOkWhileTheProcessIsUp()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("ok");
    }

    [Fact]
    public async Task UnknownRoute_Is404()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/slack/commands", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
