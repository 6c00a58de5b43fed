using McsOps.Core.Scheduling;
using McsOps.Core.Tests.Policies;

namespace McsOps.Core.Tests.Chat;

/// <summary>
/// The seeded facility with chat links: S-0001 (admin, owner of G-0042 and the empty free group
/// G-0100) is Slack <see cref="AdminUser"/>, S-0002 (nurse, owner of G-0043) is <see cref="NurseUser"/>,
/// S-0003 (external) is <see cref="ExternalUser"/>; G-0042 has all three as active members.
/// </summary>
internal static class ChatWorld
{
    public const string AdminUser = "UADMIN001";
    public const string NurseUser = "UNURSE002";
    public const string ExternalUser = "UEXTRN003";
    public const string UnlinkedUser = "UNKNOWN99";

    /// <summary>Every patient's name and kana and every group's name in MCS in the seed: none may reach chat.</summary>
    public static readonly string[] PersonalData = ["青木太郎", "アオキタロウ", "石井和子", "イシイカズコ", "青木様 在宅チーム", "石井様 在宅チーム", "多職種連携 連絡用", "青木", "石井"];

    public const string Staff = """
        staff_code,facility_code,name,kana,profession,email,roles,status,last_day,password_class,password_changed_on,slack_user_id
        S-0001,F-0001,山田一郎,ヤマダイチロウ,医師,yamada@example.jp,admin,active,,13mixed,,UADMIN001
        S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,active,,8rotating,2026/9/30,UNURSE002
        S-0003,F-0002,鈴木三郎,スズキサブロウ,看護師,suzuki@example.jp,,active,,unknown,,UEXTRN003
        """;

    public const string Memberships = """
        group_code,staff_code,state,invited_by,invited_on
        G-0042,S-0001,active,,
        G-0042,S-0002,active,,
        G-0042,S-0003,active,S-0001,2026-06-01
        G-0043,S-0002,active,,
        """;

    /// <summary>2026-11-26 10:00 Tokyo, no review open yet.</summary>
    public static PolicyWorld Create(Lang lang = Lang.Ja, PatientDisplay display = PatientDisplay.Code) => lang == Lang.Ja && display == PatientDisplay.Code
        ? PolicyWorld.Prepared(nameof(ChatWorld), PolicyWorld.Jst(2026, 11, 26, 10), w => w.Seed(staff: Staff, memberships: Memberships))
        : new PolicyWorld(PolicyWorld.Jst(2026, 11, 26, 10), new PolicySettings { Zone = PolicyWorld.Tokyo, Language = lang, PatientDisplay = display }).Seed(staff: Staff, memberships: Memberships);

    public static IncomingCommand Slack(string user, string text) => new(Channel.Slack, user, text);

    public static IEnumerable<string> Strings(OutgoingMessage message)
    {
        var c = message.Content;
        yield return c.Text;
        foreach (var f in c.Fields)
        {
            yield return f.Label;
            yield return f.Value;
            foreach (var b in f.Buttons)
            {
                yield return b.Label;
                yield return b.Value;
            }
        }

        foreach (var b in c.Buttons)
        {
            yield return b.Label;
            yield return b.Value;
        }

        if (c.Input is { } input)
        {
            yield return input.Label;
        }
    }
}
