using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using McsOps.Core;
using McsOps.Core.Audit;
using McsOps.Core.Csv;

namespace McsOps.Bot.Tests;

/// <summary>Requests an honest client never sends: each gets a clear 4xx problem, nothing is written, the audit chain holds.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly string _dir = TestFacility.Create("admin");
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartReadyAsync(_dir, "AdminApi:MaxRequestMegabytes=1", "AdminApi:MaxUploadMegabytes=1");

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

    private const string Import10 = """json:{"kind":"staff","content":{"length":10},"fileName":"x.csv","dryRun":false}""";

    /// <summary>
    /// A file streamed beside its operation (<c>application/octet-stream</c>, the record in
    /// <c>X-McsOps-Operation</c>): <paramref name="header"/> null sends none, <c>json:…</c> sends that
    /// JSON base64url-encoded, anything else as it is; the body is <paramref name="body"/> bytes, chunked
    /// (no Content-Length) or not.
    /// </summary>
    [Theory]
    [InlineData("ImportCsv", null, 10, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", "", 10, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", "not*base64url", 10, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", "json:{not json", 10, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", """json:{"kind":"staff","content":"/etc/shadow","fileName":"x.csv","dryRun":false}""", 10, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", """json:{"kind":"staff","content":{"length":10,"path":"/etc/shadow"},"fileName":"x.csv","dryRun":false}""", 10, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", """json:{"kind":"staff","fileName":"x.csv","dryRun":false}""", 10, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", Import10, 20, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", Import10, 9, false, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", Import10, 200_000, true, HttpStatusCode.BadRequest, "api.badrequest")]
    [InlineData("ImportCsv", Import10, 9, true, HttpStatusCode.BadRequest, "api.incomplete")]
    [InlineData("ImportCsv", """json:{"kind":"staff","content":{"length":2147483648},"fileName":"x.csv","dryRun":false}""", 10, true, HttpStatusCode.RequestEntityTooLarge, "api.uploadtoolarge")]
    [InlineData("VerifyBackupBytes", """json:{"name":"x.db","content":{"length":1048577},"sha256":null}""", 1_048_577, false, HttpStatusCode.RequestEntityTooLarge, "api.uploadtoolarge")]
    [InlineData("ListGroups", "json:{}", 10, false, HttpStatusCode.BadRequest, "api.notafile")]
    [InlineData("DropDatabase", "json:{}", 10, false, HttpStatusCode.NotFound, "api.unknownop")]
    public async Task BadStreamedRequest_IsAClear4xx_WritesNothing_AndKeepsNoFile(string operation, string? header, int body, bool chunked, HttpStatusCode status, string key)
    {
        var before = _service.Owner.Readiness().Changes;
        using var http = _service.Unix();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("ops/" + operation, UriKind.Relative)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string('x', body))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.ExpectContinue = body > 64 * 1024; // as RemoteOpsClient: a body refused unread is not sent
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("X-McsOps-Operation", header.StartsWith("json:", StringComparison.Ordinal) ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header[5..])) : header);
        }

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(status);
        var problem = await IdentityTests.Problem(response);
        problem.Key.Should().Be(key, problem.Args.FirstOrDefault()?.ToString());
        problem.ExitCode.Should().Be(ExitCode.BadArguments);
        AssertNothingWritten(before);
        UploadTests.Files(_dir).Should().BeEmpty();
    }

    [Fact]
    public async Task AFileOperationSentAsJson_Is400SayingHowToSendIt()
    {
        using var http = _service.Unix();

        using var response = await http.PostAsync(new Uri("ops/ImportCsv", UriKind.Relative), IdentityTests.Json("""{"kind":"staff","content":{"length":0},"fileName":"x.csv","dryRun":false}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await IdentityTests.Problem(response)).ToException().Localize(Lang.En)
            .Should().Be("ImportCsv carries a file: send its bytes as an application/octet-stream body, with the operation's JSON in the X-McsOps-Operation header");
    }

    [Fact]
    public void OversizedFile_IsRefusedBeforeItIsSent_Exit2NamingTheSetting_AndWritesNothing()
    {
        var before = _service.Owner.Readiness().Changes;
        using var client = _service.Connect();

        var act = () => client.Execute(new ImportCsv("staff", new byte[(1024 * 1024) + 1], "big.csv"));

        var e = act.Should().Throw<OpsException>().Which;
        e.Code.Should().Be(ExitCode.BadArguments);
        e.Localize(Lang.En).Should().Be("the file is larger than the service accepts (AdminApi:MaxUploadMegabytes, 1 MiB): raise the setting and restart the service, or stop the service and run the command again");
        AssertNothingWritten(before);
        UploadTests.Files(_dir).Should().BeEmpty();
    }

    [Fact]
    public void AFileUpToTheLimit_IsStreamed_PastTheJsonLimit()
    {
        var csv = TestFacility.ManyStaff(36_000);
        using var client = _service.Connect();

        var result = client.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(csv), "many.csv", DryRun: true));

        Encoding.UTF8.GetByteCount(csv).Should().BeInRange(1_000_000, 1024 * 1024, "over the JSON limit once base64, within the file limit");
        result.Created.Should().Be(36_000);
        UploadTests.Files(_dir).Should().BeEmpty();
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
