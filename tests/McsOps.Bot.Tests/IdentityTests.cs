using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Csv;

namespace McsOps.Bot.Tests;

/// <summary>
/// Who the admin API takes a caller for: the OS user the kernel reports for the socket's peer
/// (this test process's own user), mapped to a staff record through its os_user.
/// </summary>
public sealed class IdentityTests : IAsyncLifetime
{
    private static readonly Uri Discharge = new("ops/RecordDischarge", UriKind.Relative);
    private const string DischargeBody = """{"patient":"P-0001","on":"2026-11-20","reason":"moved"}""";
    private readonly List<string> _directories = [];
    private RunningService? _service;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _directories.ForEach(TestFacility.Delete);
    }

    [Fact]
    public async Task Admin_MappedThroughOsUser_ChangesAreAuditedAsTheirStaffCode_WithTheChannelTheClientNames()
    {
        var service = await StartAsync(TestFacility.Create("admin"));
        using var cli = service.Connect(Channel.Cli);
        using var tui = service.Connect(Channel.Tui);

        cli.Actor.Should().Be(new Actor("S-0001", Channel.Cli));
        cli.ReadOnly.Should().BeFalse();
        cli.Execute(new SetStaffFlags(StaffCode.Parse("S-0002"), true, true, false));
        tui.Execute(new RecordDischarge(PatientCode.Parse("P-0001"), new DateOnly(2026, 11, 20), DischargeReason.Moved));

        var audit = Audit(cli);
        audit.Should().Contain(e => e.Action == "staff.flags" && e.Actor == "S-0001" && e.Channel == "cli");
        audit.Should().Contain(e => e.Action == "patients.discharge" && e.Actor == "S-0001" && e.Channel == "tui");
    }

    [Fact]
    public async Task Auditor_QueriesAnswer_AWriteIs403_AndTheRefusalIsAudited()
    {
        var service = await StartAsync(TestFacility.Create("auditor"));
        using var client = service.Connect();
        using var http = service.Unix();

        using var response = await http.PostAsync(Discharge, Json(DischargeBody));

        client.ReadOnly.Should().BeTrue();
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await Problem(response);
        problem.ExitCode.Should().Be(ExitCode.NotPermitted);
        problem.Key.Should().Be("op.readonly");
        client.Execute(new GetGroupDetail(GroupCode.Parse("G-0001"))).Patient!.Status.Should().Be(PatientStatus.Active);
        Audit(client).Should().Contain(e => e.Action == "api.refused" && e.Subject == "RecordDischarge" && e.Actor == "S-0001");
    }

    [Fact]
    public async Task UnmappedUser_Is403_ForQueriesAndWritesAlike()
    {
        var service = await StartAsync(TestFacility.Create(myRoles: null));
        using var http = service.Unix();

        using var query = await http.PostAsync(new Uri("ops/ListGroups", UriKind.Relative), Json("{}"));
        using var write = await http.PostAsync(Discharge, Json(DischargeBody));
        var connect = () => service.Connect();

        query.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Problem(write)).Key.Should().Be("api.notpermitted");
        connect.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.NotPermitted);
    }

    [Fact]
    public async Task ForgedIdentity_InHeadersQueryOrBody_ChangesNothing()
    {
        var service = await StartAsync(TestFacility.Create("auditor"));
        using var http = service.Unix();
        foreach (var header in new[] { "X-Remote-User", "X-McsOps-User", "X-Forwarded-User", "Remote-User" })
        {
            http.DefaultRequestHeaders.Add(header, TestFacility.OtherAdminOsUser);
        }

        var caller = await http.GetFromJsonAsync<WireCaller>(new Uri("caller?user=" + TestFacility.OtherAdminOsUser, UriKind.Relative), Wire.Options);
        using var write = await http.PostAsync(new Uri("ops/RecordDischarge?actor=S-0009", UriKind.Relative), Json(DischargeBody));
        using var field = await http.PostAsync(Discharge, Json(DischargeBody.Replace("}", ""","actor":"S-0009"}""", StringComparison.Ordinal)));

        caller.Should().Be(new WireCaller(new Actor("S-0001", Channel.Cli), ReadOnly: true));
        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        field.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the role is checked before the body is read");
        using var client = service.Connect();
        client.Execute(new GetGroupDetail(GroupCode.Parse("G-0001"))).Patient!.Status.Should().Be(PatientStatus.Active);
    }

    [Fact]
    public async Task BootstrapAdmin_CountsOnAnEmptyDatabase_UntilAStaffAdminHasAnOsUser()
    {
        var dir = TestFacility.NewDataDirectory();
        _directories.Add(dir);
        var service = await StartAsync(dir, "AdminApi:BootstrapAdmins:0=" + TestFacility.Me);
        using (var bootstrap = service.Connect())
        {
            bootstrap.Actor.Should().Be(Actor.OsUser(TestFacility.Me, Channel.Cli));
            bootstrap.ReadOnly.Should().BeFalse();
            bootstrap.Execute(new ImportCsv("facilities", Encoding.UTF8.GetBytes(TestFacility.Facilities), "facilities.csv")).Created.Should().Be(2);
            Audit(bootstrap).Should().Contain(e => e.Action == "facilities.create" && e.Actor == "os:" + TestFacility.Me);
            bootstrap.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(TestFacility.Staff(myRoles: null)), "staff.csv")).Created.Should().Be(3);
        }

        var again = () => service.Connect();

        again.Should().Throw<OpsException>().Which.Key.Should().Be("api.notpermitted", "S-0009 is an admin with an OS user now");
    }

    [Fact]
    public async Task WithoutBootstrapAdmins_AnEmptyDatabaseAdmitsNobody()
    {
        var dir = TestFacility.NewDataDirectory();
        _directories.Add(dir);
        var service = await StartAsync(dir);

        var connect = () => service.Connect();

        connect.Should().Throw<OpsException>().Which.Code.Should().Be(ExitCode.NotPermitted);
    }

    [Fact]
    public async Task AdminApi_OverTcp_DoesNotExist()
    {
        var service = await StartAsync(TestFacility.Create("admin"));
        using var http = new HttpClient { BaseAddress = service.Tcp };

        using var caller = await http.GetAsync(new Uri("/caller", UriKind.Relative));
        using var op = await http.PostAsync(new Uri("/ops/ListGroups", UriKind.Relative), Json("{}"));

        caller.StatusCode.Should().Be(HttpStatusCode.NotFound);
        op.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<RunningService> StartAsync(string dir, params string[] settings)
    {
        _directories.Add(dir);
        return _service = await RunningService.StartReadyAsync(dir, settings);
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    internal static async Task<WireProblem> Problem(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be(Wire.ProblemContentType);
        return (await response.Content.ReadFromJsonAsync<WireProblem>(Wire.Options))!;
    }

    /// <summary>The audit trail as an auditor reads it: the JSON export.</summary>
    private static List<AuditRow> Audit(IOpsClient client) =>
        JsonSerializer.Deserialize<List<AuditRow>>(client.Execute(new ExportData("audit", ExportFormat.Json)), ExportJson)!;

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web);

    private sealed record AuditRow(string Actor, string Channel, string Action, string Subject);
}
