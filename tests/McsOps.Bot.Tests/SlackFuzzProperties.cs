using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using McsOps.Core;
using McsOps.Core.Audit;
using Xunit.Abstractions;

namespace McsOps.Bot.Tests;

/// <summary>
/// Issue 8 item 2, the Slack surface behind a valid signature (the signature itself has its own
/// tests): generated form bodies for <c>/slack/commands</c> and generated <c>payload</c> JSON for
/// <c>/slack/interactivity</c> — missing and repeated fields, wrong JSON types, huge text, deep
/// JSON, broken percent-encoding. Each answer is 200, 400 or 413, never a 5xx; a refused request
/// writes nothing, and nothing is written at all unless the request is a command or click that
/// writes; no answer carries a patient's name; the audit chain verifies afterwards.
/// </summary>
public sealed class SlackFuzzProperties(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Users = [SlackWorld.Admin, SlackWorld.Nurse, SlackWorld.External, SlackWorld.Unlinked];

    private static readonly string[] Words = ["help", "review", "review group G-0042", "review group Ｐ－００４２", "status", "checklist", "password changed", "link K7MQ2WXP", "review group 青木太郎"];

    private static readonly string[] ActionIds = [ChatActions.Keep, ChatActions.Remove, ChatActions.Unsure, ChatActions.ReviewGroup, ChatActions.ChecklistDone, "other"];

    private SlackWorld _w = null!;
    private HttpClient _http = null!;
    private int _serial;

    public async Task InitializeAsync()
    {
        _w = await SlackWorld.Start(null, SlackWorld.Secret, ("Chat:MaxRequestsPerUserPerMinute", "100000"), ("Chat:MaxUnverifiedPerMinute", "100000"));
        _http = _w.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _w.DisposeAsync();
    }

    /// <summary>A value for a form field: a sensible one, generated text, empty, huge, or broken percent-encoding (raw).</summary>
    private static Gen<string> FieldValue(string[] sensible) => Gen.Frequency(
        (6, Gen.Elements(sensible).Select(Uri.EscapeDataString)),
        (3, Generated.Text().Select(Uri.EscapeDataString)),
        (1, Gen.Constant(string.Empty)),
        (1, Gen.Choose(1_000, 70_000).Select(n => new string('Ｐ', n / 9))),
        (1, Gen.Elements("%zz", "%E3%81", "%", "a%2", "%00%00", "=&=")));

    public static Gen<string> CommandForms() =>
        Gen.Zip(
                Gen.Zip(Gen.Zip(How(), FieldValue(Users)), Gen.Zip(FieldValue(["https://hooks.slack.com/x", "http://evil.example/x", "not a url", "javascript:alert(1)"]), Generated.Text())),
                Gen.Zip(Gen.Zip(How(), FieldValue(["/review", "/mcsops", "/other"])), Gen.Zip(How(), FieldValue(Words))))
            .Select(t =>
            {
                var (((userHow, user), (url, extra)), ((commandHow, command), (textHow, text))) = t;
                var fields = new List<string>();
                Add(fields, "user_id", user, userHow);
                Add(fields, "command", command, commandHow);
                Add(fields, "text", text, textHow);
                fields.Add("response_url=" + url);
                fields.Add(Uri.EscapeDataString(extra) + "=" + Uri.EscapeDataString(extra));
                return string.Join('&', fields.OrderBy(f => f.Length % 3));
            });

    /// <summary>How a field is sent: mostly present once, else missing, twice, or with a second value.</summary>
    private static Gen<int> How() => Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)));

    /// <summary>0 present, 1 missing, 2 twice, 3 present with a second, generated value.</summary>
    private static void Add(List<string> fields, string name, string value, int how)
    {
        if (how != 1)
        {
            fields.Add(name + "=" + value);
        }

        if (how >= 2)
        {
            fields.Add(name + "=" + (how == 2 ? value : "x"));
        }
    }

    /// <summary>A payload: near what Slack sends with fields missing or of the wrong type, any JSON, very deep JSON, or not JSON.</summary>
    public static Gen<string> Payloads() => Gen.Frequency(
        (6, Gen.Zip(Gen.Zip(Gen.Zip(Gen.Choose(0, 9), Gen.Choose(0, Users.Length - 1)), Gen.Zip(Gen.Choose(0, ActionIds.Length - 1), Generated.AnyJson(2))), Gen.Zip(Generated.Text(), Gen.Choose(0, 12)))
            .Select(t =>
            {
                var (((shape, user), (action, junk)), (text, drop)) = t;
                var payload = new JsonObject
                {
                    ["type"] = shape == 0 ? junk?.DeepClone() : "block_actions",
                    ["user"] = shape == 1 ? JsonValue.Create(Users[user]) : new JsonObject { ["id"] = shape == 2 ? junk?.DeepClone() : Users[user] },
                    ["actions"] = shape == 3 ? junk?.DeepClone() : new JsonArray(new JsonObject { ["action_id"] = ActionIds[action], ["value"] = shape == 4 ? junk?.DeepClone() : text }),
                    ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "D1", ["message_ts"] = shape == 5 ? junk?.DeepClone() : text },
                    ["state"] = new JsonObject { ["values"] = junk?.DeepClone() },
                    ["response_url"] = text,
                };
                payload.Remove(drop switch { 0 => "type", 1 => "user", 2 => "actions", 3 => "container", _ => "none" });
                return payload.ToJsonString();
            })),
        (5, Generated.OtherJson(60)));

    [Fact]
    public void Commands_GeneratedForms_AreAnsweredOrRefusedCleanly_WriteOnlyAsACommand()
    {
        var statuses = new Dictionary<int, int>();
        var property = Prop.ForAll(CommandForms().ToArbitrary(), form =>
        {
            var before = _w.AuditCount;
            var (status, body) = Send("/slack/commands", form);
            Count(statuses, status);
            status.Should().BeOneOf([200, 400, 413], form);
            if (status == 200)
            {
                JsonNode.Parse(body)!["response_type"]!.GetValue<string>().Should().Be("ephemeral");
            }

            SlackWorld.PersonalData.Should().NotContain(p => body.Contains(p, StringComparison.Ordinal));
            if (status != 200 || !MayWrite(form))
            {
                _w.AuditCount.Should().Be(before, form);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Generated.Cases), property);
        Finish("slack commands", statuses);
    }

    [Fact]
    public void Interactivity_GeneratedPayloads_AreAcknowledgedOrRefusedCleanly_WriteOnlyAsAClick()
    {
        var statuses = new Dictionary<int, int>();
        var property = Prop.ForAll(Payloads().ToArbitrary(), payload =>
        {
            var before = _w.AuditCount;
            var (status, body) = Send("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload));
            Count(statuses, status);
            status.Should().BeOneOf([200, 400, 413], payload);
            body.Should().BeEmpty("a click is acknowledged empty; its answer goes through Slack's API");
            if (status != 200 || !ActionIds[..^1].Any(a => payload.Contains(a, StringComparison.Ordinal)))
            {
                _w.AuditCount.Should().Be(before, payload);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Generated.Cases), property);
        _w.Outgoing.Should().NotContain(o => SlackWorld.PersonalData.Any(p => o.Contains(p, StringComparison.Ordinal)));
        Finish("slack interactivity payloads", statuses);
    }

    /// <summary>Whether the form could be a command that writes (a review opened, a password change, a link).</summary>
    private static bool MayWrite(string form)
    {
        var text = Uri.UnescapeDataString(form.Replace('+', ' '));
        return text.Contains("review", StringComparison.OrdinalIgnoreCase) || text.Contains("password", StringComparison.OrdinalIgnoreCase)
            || text.Contains("link", StringComparison.OrdinalIgnoreCase) || text.Contains("ｒｅｖｉｅｗ", StringComparison.Ordinal);
    }

    private (int Status, string Body) Send(string path, string body) => Task.Run(async () =>
    {
        var unique = body + "&fuzz_case=" + Interlocked.Increment(ref _serial).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(unique, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", _w.Now);
        request.Headers.Add("X-Slack-Signature", SlackWorld.Sign(SlackWorld.Secret, _w.Now, unique));
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }).GetAwaiter().GetResult();

    private static void Count(Dictionary<int, int> statuses, int status) => statuses[status] = statuses.GetValueOrDefault(status) + 1;

    private void Finish(string surface, Dictionary<int, int> statuses)
    {
        _w.Store.Read(s => AuditChain.Verify(s.Audit.All())).Intact.Should().BeTrue();
        // Secrets never in logs, nor names: every line the bot logged at any level, failures included.
        string[] secrets = [SlackWorld.Secret, FakeSlack.Token, .. SlackWorld.PersonalData];
        _w.Logs.Lines.Should().NotBeEmpty().And.NotContain(line => secrets.Any(s => line.Contains(s, StringComparison.Ordinal)));
        var total = statuses.Values.Sum();
        output.WriteLine($"{surface}: {total} generated, statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        total.Should().Be(Generated.Cases);
        statuses.Keys.Should().Contain([200, 400], "the cases reach both the handler and the refusal");
    }
}
