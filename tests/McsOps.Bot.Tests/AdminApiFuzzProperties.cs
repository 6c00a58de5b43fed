using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using McsOps.Core;
using McsOps.Core.Application;
using Xunit.Abstractions;

namespace McsOps.Bot.Tests;

/// <summary>
/// Issue 8 item 2, the admin API on the real socket: generated requests — operation names that
/// do not exist (path tricks, other cases, Unicode), bodies that are not JSON, JSON of the wrong
/// shape, the operation's own fields with values of the wrong type, deep JSON, bodies over the
/// limit, other methods. Each gets a clear problem (never a 500), a refused request and a query
/// change nothing, and the audit chain verifies afterwards.
/// </summary>
public sealed class AdminApiFuzzProperties(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly OperationType[] Types = [.. OperationType.ByName.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];

    private readonly string _dir = TestFacility.Create("admin");
    private RunningService _service = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _service = await RunningService.StartReadyAsync(_dir, "AdminApi:MaxRequestMegabytes=1");
        _http = _service.Unix();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
        TestFacility.Delete(_dir);
    }

    private static Gen<JsonNode?> Value() => Gen.OneOf(
        Generated.Text().Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Elements<JsonNode?>(null, JsonValue.Create(true), JsonValue.Create(1e308), new JsonArray(), new JsonObject(), JsonValue.Create("2026-13-45"), JsonValue.Create("P-0001")));

    /// <summary>A request: (method, operation name, body bytes).</summary>
    public static Gen<(string Method, string Name, byte[] Body)> Requests() =>
        Gen.Zip(
                Gen.Zip(Gen.Frequency((9, Gen.Constant("POST")), (1, Gen.Elements("GET", "PUT", "DELETE"))), Gen.Choose(0, Types.Length - 1)),
                Gen.Zip(Gen.Zip(Gen.Choose(0, 9), Generated.Text()), Gen.Zip(Gen.Choose(0, 15), Value().ArrayOf())))
            .Select(t =>
            {
                var ((method, index), ((nameHow, junk), (bodyHow, values))) = t;
                var type = Types[index];
                var name = nameHow switch
                {
                    0 => type.Name.ToLowerInvariant(),
                    1 => type.Name + "/../" + type.Name,
                    2 => Uri.EscapeDataString(junk.Length == 0 ? "x" : junk),
                    3 => "Ｒｅｃｏｒｄ" + type.Name,
                    4 => type.Name + "%00",
                    _ => type.Name,
                };
                var parameters = type.Type.GetConstructors().MaxBy(c => c.GetParameters().Length)?.GetParameters() ?? [];
                var body = bodyHow switch
                {
                    0 => Encoding.UTF8.GetBytes(junk), // not JSON (mostly)
                    1 => Encoding.UTF8.GetBytes(new JsonArray([.. values.Take(4).Select(v => v?.DeepClone())]).ToJsonString()), // the wrong shape
                    2 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 70 + junk.Length)) + "1" + new string('}', 70 + junk.Length)), // deeper than the parser allows
                    3 => new byte[(1024 * 1024) + 1 + junk.Length], // over AdminApi:MaxRequestMegabytes
                    4 => [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("{}")], // not UTF-8
                    _ => Encoding.UTF8.GetBytes(Fields(parameters, values, junk, bodyHow == 5).ToJsonString()), // the operation's fields, wrong values
                };
                return (method, name, body);
            });

    /// <summary>An object with the operation's field names and generated values; with <paramref name="extra"/>, also a field it does not have.</summary>
    private static JsonObject Fields(System.Reflection.ParameterInfo[] parameters, JsonNode?[] values, string junk, bool extra)
    {
        var o = new JsonObject();
        for (var i = 0; i < parameters.Length; i++)
        {
            o[JsonNamingPolicy.CamelCase.ConvertName(parameters[i].Name!)] = values.Length == 0 ? null : values[i % values.Length]?.DeepClone();
        }

        if (extra || parameters.Length == 0)
        {
            o["zz" + junk] = 1; // nothing accepts an unknown field: an operation without fields is never run by chance
        }

        return o;
    }

    [Fact]
    public void Requests_Generated_GetAClearProblem_NeverA500_RefusedOnesWriteNothing()
    {
        var statuses = new Dictionary<int, int>();
        var keys = new Dictionary<string, int>();
        var property = Prop.ForAll(Requests().ToArbitrary(), r =>
        {
            var before = _service.Owner.Readiness().Changes;
            var (status, problem) = Send(r.Method, r.Name, r.Body);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            // A name that the client's URI rules turn into another path ("." → "ops/"), or an encoded
            // NUL that Kestrel refuses (400), never reaches the API: routing or Kestrel answers.
            var path = new Uri(new Uri("http://localhost/"), "ops/" + r.Name).AbsolutePath;
            if (!System.Text.RegularExpressions.Regex.IsMatch(path, "^/ops/[^/]+$") || path.Contains("%00", StringComparison.Ordinal))
            {
                status.Should().BeOneOf([400, 404, 405], path);
                problem.Should().BeNull();
                keys["not.routed"] = keys.GetValueOrDefault("not.routed") + 1;
            }
            else
            {
                status.Should().BeOneOf(r.Method == "POST" ? [200, 400, 404, 413, 422] : [404, 405], "{0} {1}", r.Method, r.Name);
                if (r.Method == "POST" && status != 200)
                {
                    problem.Should().NotBeNull();
                    keys[problem!.Key] = keys.GetValueOrDefault(problem.Key) + 1;
                    problem.Status.Should().Be(status);
                    problem.Key.Should().NotBe("cli.internal");
                }
            }

            // "X/../X" is X once the client has resolved the dot segment.
            var query = OperationType.ByName.GetValueOrDefault(path["/ops/".Length..]) is not { IsQuery: false };
            if (status != 200 || query)
            {
                _service.Owner.Readiness().Changes.Should().Be(before, "{0} {1} answered {2}", r.Method, r.Name, status);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Generated.Cases), property);

        using var client = _service.Connect();
        client.Execute(new McsOps.Core.Audit.VerifyAuditChain()).Intact.Should().BeTrue();
        var total = statuses.Values.Sum();
        output.WriteLine($"admin api requests: {total} generated, statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; problems {string.Join(", ", keys.OrderBy(k => k.Key).Select(k => $"{k.Key}×{k.Value}"))}");
        total.Should().Be(Generated.Cases);
        keys.Keys.Should().Contain(["api.badrequest", "api.unknownop", "api.toolarge"]);
    }

    private (int Status, WireProblem? Problem) Send(string method, string name, byte[] body) => Task.Run(async () =>
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("ops/" + name, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        // A body over the limit is refused as soon as its length is known: without waiting for
        // "100 Continue" the client would still be writing it when the server closes the connection.
        request.Headers.ExpectContinue = body.Length > 1024 * 1024;
        using var response = await _http.SendAsync(request);
        var problem = response.Content.Headers.ContentType?.MediaType == Wire.ProblemContentType
            ? await IdentityTests.Problem(response)
            : null;
        return ((int)response.StatusCode, problem);
    }).GetAwaiter().GetResult();
}
