using System.Net;
using McsOps.Core;
using McsOps.Core.Audit;
using McsOps.Core.Csv;

namespace McsOps.Bot.Tests;

/// <summary>Requests an honest client never sends: each gets a clear 4xx problem, nothing is written, the audit chain holds.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly string _dir = TestFacility.Create("admin");
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartReadyAsync(_dir, "AdminApi:MaxRequestMegabytes=1");

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        TestFacility.Delete(_dir);
    }

    [Theory]
    [InlineData("RecordDischarge", "{not json", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", "", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", "null", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", """{"patient":42,"on":"2026-11-20","reason":"moved"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", """{"patient":"P-0001","on":"20 Nov","reason":"moved"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", """{"patient":"P 0001","on":"2026-11-20","reason":"moved"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", """{"patient":"P-0001","on":"2026-11-20","reason":"eaten"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", """{"patient":"P-0001","on":"2026-11-20"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordDischarge", """{"patient":"P-0001","on":"2026-11-20","reason":"moved","actor":"S-0009"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("RecordIncident", """{"subject":null,"kind":"loss","note":"n"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("SetRole", """{"staff":"S-0002","role":"admin","grant":true,"reason":"r"}""", HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("DropDatabase", "{}", HttpStatusCode.NotFound, "api.unknownop")]
    [InlineData("Ops", "{}", HttpStatusCode.NotFound, "api.unknownop")]
    public async Task BadRequest_IsAClear4xx_AndWritesNothing(string operation, string body, HttpStatusCode status, string key)
    {
        var before = _service.Owner.Readiness().Changes;
        using var http = _service.Unix();

        using var response = await http.PostAsync(new Uri("ops/" + operation, UriKind.Relative), IdentityTests.Json(body));

        response.StatusCode.Should().Be(status);
        var problem = await IdentityTests.Problem(response);
        problem.Key.Should().Be(key);
        problem.ExitCode.Should().Be(ExitCode.BadArguments);
        problem.Status.Should().Be((int)status);
        AssertNothingWritten(before);
    }

    [Fact]
    public void OversizedImport_IsRefusedBeforeItIsSent_Exit2_AndWritesNothing()
    {
        var before = _service.Owner.Readiness().Changes;
        using var client = _service.Connect();

        var act = () => client.Execute(new ImportCsv("staff", new byte[1024 * 1024], "big.csv"));

        var e = act.Should().Throw<OpsException>().Which;
        e.Code.Should().Be(ExitCode.BadArguments);
        e.Localize(Lang.En).Should().Be("the request is too large (at most 1 MiB)");
        AssertNothingWritten(before);
    }

    [Fact]
    public async Task UnknownChannel_Is400()
    {
        using var http = _service.Unix();
        http.DefaultRequestHeaders.Add("X-McsOps-Channel", "slack");

        using var response = await http.PostAsync(new Uri("ops/ListGroups", UriKind.Relative), IdentityTests.Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await IdentityTests.Problem(response)).Key.Should().Be("api.channel");
    }

    private void AssertNothingWritten(long? before)
    {
        _service.Owner.Readiness().Changes.Should().Be(before);
        using var client = _service.Connect();
        client.Execute(new VerifyAuditChain()).Intact.Should().BeTrue();
    }
}
