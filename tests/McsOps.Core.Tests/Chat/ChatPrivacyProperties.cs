using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static McsOps.Core.Tests.Chat.ChatWorld;

namespace McsOps.Core.Tests.Chat;

/// <summary>
/// Design §7: whatever anyone types or clicks, in any order, no answer carries a patient's name or
/// kana nor a group's name in MCS — in its text, fields, buttons or input.
/// </summary>
public sealed class ChatPrivacyProperties
{
    private static readonly string[] Users = [AdminUser, NurseUser, ExternalUser, UnlinkedUser];

    private static readonly string[] Texts =
    [
        "help", "review", "status", "checklist", "password changed", "password changed 2fa", "link K7MQ2WXP",
        "review group P-0042", "review group G-0042", "/review group Ｐ－００４３", "<at>McsOps</at> review group G-0043",
        "review group G-0100", "review group P-9999", "review group 青木太郎", "青木様 在宅チーム",
    ];

    private static readonly string[] Actions = [ChatActions.Keep, ChatActions.Remove, ChatActions.Unsure, ChatActions.ReviewGroup, ChatActions.ChecklistDone, "other"];

    private static readonly string[] Values = ["G-0042/S-0001", "G-0042/S-0002", "G-0042/S-0003", "G-0043/S-0002", "G-0042", "G-0043", "leave_group:G-0042", "青木"];

    /// <summary>(what: 0 text, 1 click, 2 random text; user; which text or action; which value; with a justification; days to wait).</summary>
    public static Arbitrary<(int What, int User, int Item, int Value, bool Input, int Days, string Random)[]> Steps() =>
        Gen.Zip(
                Gen.Zip(Gen.Zip(Gen.Choose(0, 2), Gen.Choose(0, Users.Length - 1)), Gen.Zip(Gen.Choose(0, Texts.Length - 1), Gen.Choose(0, Values.Length - 1))),
                Gen.Zip(Gen.Zip(ArbMap.Default.GeneratorFor<bool>(), Gen.Choose(0, 3)), ArbMap.Default.GeneratorFor<string>()))
            .Select(t => (t.Item1.Item1.Item1, t.Item1.Item1.Item2, t.Item1.Item2.Item1, t.Item1.Item2.Item2, t.Item2.Item1.Item1, t.Item2.Item1.Item2, t.Item2.Item2 ?? string.Empty))
            .ArrayOf()
            .Select(a => a.Take(15).ToArray())
            .ToArbitrary();

    [Property(MaxTest = 30, Arbitrary = [typeof(ChatPrivacyProperties)])]
    public bool NoAnswer_EverCarriesAPatientNameOrAGroupsMcsName((int What, int User, int Item, int Value, bool Input, int Days, string Random)[] steps)
    {
        using var w = ChatWorld.Create();
        w.Run(new MarkLeaving(Policies.PolicyWorld.S("S-0002"), new DateOnly(2027, 1, 31)));
        var chat = new ChatCommands(w.Ops);
        var answers = new List<OutgoingMessage> { chat.Handle(Slack(AdminUser, "review group G-0042")) };
        foreach (var (what, user, item, value, input, days, random) in steps)
        {
            w.Time.Advance(TimeSpan.FromDays(days));
            answers.Add(what switch
            {
                0 => chat.Handle(Slack(Users[user], Texts[item])),
                1 => chat.Handle(new ActionInvoked(Channel.Slack, Users[user], Actions[item % Actions.Length], Values[value], input ? "理由" : null, new MessageRef("D1", "1.0"))),
                _ => chat.Handle(Slack(Users[user], random)),
            });
        }

        return answers.SelectMany(ChatWorld.Strings).All(s => !PersonalData.Any(s.Contains));
    }
}
