using McsOps.Core;
using McsOps.Core.Storage;
using McsOps.Core.Tests;

namespace McsOps.Bot.Tests;

/// <summary>
/// What the Slack and Teams worlds share: the seeded facility with three staff linked to the
/// platform (S-0001 admin and owner of G-0042, S-0002 nurse, S-0003 external, all members of
/// G-0042), the personal data that must never reach chat, and what a full review by clicks leaves behind.
/// </summary>
internal static class ChatSeed
{
    /// <summary>The patients' names and kana and the groups' names in MCS of the seed: none may reach chat.</summary>
    public static readonly string[] PersonalData = ["青木太郎", "アオキタロウ", "石井和子", "イシイカズコ", "青木様 在宅チーム", "石井様 在宅チーム", "多職種連携 連絡用", "青木", "石井"];

    private const string Memberships = """
        group_code,staff_code,state,invited_by,invited_on
        G-0042,S-0003,active,S-0001,2026-06-01
        """;

    /// <summary>Seeds <paramref name="store"/> with the staff linked through <paramref name="idColumn"/> (<c>slack_user_id</c>, <c>teams_user_id</c>).</summary>
    public static void Seed(TestStore store, string idColumn, string admin, string nurse, string external)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Seed();
        var staff = $"""
            staff_code,facility_code,name,kana,profession,email,roles,status,last_day,password_class,password_changed_on,{idColumn}
            S-0001,F-0001,山田一郎,ヤマダイチロウ,医師,yamada@example.jp,admin,active,,13mixed,,{admin}
            S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,active,,8rotating,2026/9/30,{nurse}
            S-0003,F-0002,鈴木三郎,スズキサブロウ,看護師,suzuki@example.jp,,active,,unknown,,{external}
            """;
        store.Import("staff", staff).Rejected.Should().BeFalse();
        store.Import("memberships", Memberships).Rejected.Should().BeFalse();
    }

    /// <summary>After S-0001 kept, S-0002 removed and S-0003 removed (with a reason) by clicks on <paramref name="platform"/>.</summary>
    public static void FullReviewRecorded(IStore store, Channel platform)
    {
        ArgumentNullException.ThrowIfNull(store);
        var group = GroupCode.Parse("G-0042");
        store.Read(s => s.Reviews.ByGroup(group).Single().Status).Should().Be(ReviewStatus.Completed);
        store.Read(s => s.Memberships.ByGroup(group).ToDictionary(m => m.Staff.Value, m => m.State)).Should().Equal(new Dictionary<string, MembershipState>
        {
            ["S-0001"] = MembershipState.Active,
            ["S-0002"] = MembershipState.RemovalPending,
            ["S-0003"] = MembershipState.RemovalPending,
        });
        store.Read(s => s.Actions.Open().Where(a => a.Kind == McsActionKind.RemoveMember).Select(a => a.Key)).Should()
            .BeEquivalentTo("remove_member:G-0042:S-0002", "remove_member:G-0042:S-0003");
        store.Read(s => s.Audit.All().Where(e => e.Action == "reviews.decide").Select(e => (e.Actor, e.Channel)).ToList())
            .Should().HaveCount(3).And.OnlyContain(e => e.Actor == "S-0001" && e.Channel == platform);
    }

    /// <summary>
    /// Advances the bot's fake clock a second at a time until <paramref name="arrived"/> holds,
    /// giving the bot up to a second of real time after each step (<paramref name="waitASecond"/>,
    /// which throws <see cref="TimeoutException"/> when nothing came); returns the seconds it took.
    /// </summary>
    public static async Task<int> SecondsUntil(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Func<bool> arrived, Func<Task> waitASecond, int atMost = 5)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(arrived);
        ArgumentNullException.ThrowIfNull(waitASecond);
        var advanced = 0;
        while (!arrived())
        {
            advanced.Should().BeLessThan(atMost, "the retry should have come after Retry-After");
            clock.Advance(TimeSpan.FromSeconds(1));
            advanced++;
            try
            {
                await waitASecond();
            }
            catch (TimeoutException)
            {
            }
        }

        return advanced;
    }

    /// <summary>Asserts that nothing in <paramref name="outgoing"/> (bodies sent to or answered to the platform) holds personal data.</summary>
    public static void NoPersonalData(IEnumerable<string> outgoing)
    {
        var all = outgoing.ToList();
        all.Should().NotBeEmpty();
        foreach (var text in all)
        {
            text.Should().NotContainAny(PersonalData);
        }
    }
}
