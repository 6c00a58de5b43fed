using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using McsOps.Core;
using McsOps.Core.Audit;
using Xunit.Abstractions;

namespace McsOps.Bot.Tests;

/// <summary>
/// Issue 8 item 2, the Teams surface behind a valid Connector token (the token has its own tests):
/// generated activities — fields missing or of the wrong JSON type, unknown types, huge text, deep
/// JSON, not JSON. Each answer is 200, 400, 403 (a generated channel or service URL the token does
/// not vouch for) or 413, never a 5xx; nothing is audited unless the activity is a command or a
/// click that writes; nothing any answer or call carries holds a patient's name; the chain verifies.
/// </summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsFuzzProperties(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Users = [TeamsWorld.Admin, TeamsWorld.Nurse, TeamsWorld.External, TeamsWorld.Unlinked];

    private static readonly string[] Words = ["help", "<at>McsOps</at> review", "/review group G-0042", "review group Ｐ－００４２", "status", "checklist", "password changed", "link K7MQ2WXP", "review group 青木太郎", "&lt;b&gt;help&lt;/b&gt;"];

    private static readonly string[] ActionIds = [ChatActions.Keep, ChatActions.Remove, ChatActions.Unsure, ChatActions.ReviewGroup, ChatActions.ChecklistDone, "other"];

    private TeamsWorld _w = null!;

    public async Task InitializeAsync() => _w = await TeamsWorld.Start("Chat:MaxRequestsPerUserPerMinute=100000", "Chat:MaxUnverifiedPerMinute=100000");

    public async Task DisposeAsync() => await _w.DisposeAsync();

    /// <summary>An activity near what Teams sends, one part spoiled; or any JSON; or very deep JSON; or not JSON.</summary>
    private Gen<string> Activities() => Gen.Frequency(
        (6, Gen.Zip(Gen.Zip(Gen.Zip(Gen.Choose(0, 14), Gen.Choose(0, Users.Length - 1)), Gen.Zip(Gen.Choose(0, ActionIds.Length - 1), Generated.AnyJson(2))), Gen.Zip(Gen.Zip(Generated.Text(), Gen.Elements(Words)), Gen.Choose(0, 3)))
            .Select(t =>
            {
                var (((shape, user), (action, junk)), ((text, word), type)) = t;
                var who = Users[user];
                var activity = type switch
                {
                    0 => _w.Message(who, shape == 9 ? new string('ｒ', 5_000) : word),
                    1 => _w.Click(who, ActionIds[action], shape == 10 ? text : "S-0002", "card-1", shape == 11 ? text : null),
                    2 => _w.BotAdded(who),
                    _ => _w.Activity(shape == 12 ? text : "typing", who),
                };
                switch (shape)
                {
                    case 0: activity["type"] = junk?.DeepClone(); break;
                    case 1: activity["from"] = junk?.DeepClone(); break;
                    case 2: activity["conversation"] = junk?.DeepClone(); break;
                    case 3: activity["text"] = junk?.DeepClone(); break;
                    case 4: activity["value"] = junk?.DeepClone(); break;
                    case 5: activity.Remove("from"); break;
                    case 6: activity.Remove("conversation"); break;
                    case 7: activity["channelId"] = text; break;
                    case 8: activity["recipient"] = junk?.DeepClone(); break;
                    case 13: activity["membersAdded"] = junk?.DeepClone(); break;
                    case 14: activity["replyToId"] = junk?.DeepClone(); break;
                }

                return activity.ToJsonString();
            })),
        (5, Generated.OtherJson(40)));

    [Fact]
    public void Activities_Generated_AreAnsweredOrRefusedCleanly_WriteOnlyAsACommandOrAClick()
    {
        var statuses = new Dictionary<int, int>();
        var property = Prop.ForAll(Activities().ToArbitrary(), activity =>
        {
            var before = _w.AuditCount;
            var (status, body) = _w.SendRaw(activity).GetAwaiter().GetResult();
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            status.Should().BeOneOf([200, 400, 403, 413], activity);
            ChatSeed.PersonalData.Should().NotContain(p => body.Contains(p, StringComparison.Ordinal));
            if (status != 200 || !MayWrite(activity))
            {
                _w.AuditCount.Should().Be(before, activity);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Generated.Cases), property);
        _w.Store.Read(s => AuditChain.Verify(s.Audit.All())).Intact.Should().BeTrue();
        ChatSeed.NoPersonalData(_w.Outgoing);
        var total = statuses.Values.Sum();
        output.WriteLine($"teams activities: {total} generated, statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        total.Should().Be(Generated.Cases);
        statuses.Keys.Should().Contain([200, 400], "the cases reach both the handler and the refusal");
    }

    /// <summary>Whether the activity could be a command or click that writes (a review opened or decided, a password change, a link).</summary>
    private static bool MayWrite(string activity) =>
        activity.Contains("review", StringComparison.OrdinalIgnoreCase) || activity.Contains("password", StringComparison.OrdinalIgnoreCase)
        || activity.Contains("link", StringComparison.OrdinalIgnoreCase) || activity.Contains("ｒｅｖｉｅｗ", StringComparison.Ordinal)
        || ActionIds[..^1].Any(a => activity.Contains(a, StringComparison.Ordinal));
}
