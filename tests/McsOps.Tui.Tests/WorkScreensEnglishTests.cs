using McsOps.Tui.Screens;

namespace McsOps.Tui.Tests;

/// <summary>The work screens with <c>--lang en</c>.</summary>
[Collection("tui")]
public sealed class WorkScreensEnglishTests
{
    [Fact]
    public void LangEn_WorkScreensSpeakEnglish()
    {
        using var tui = new TuiHarness(100, 30, lang: "en");
        (string Command, string[] Words, string Japanese)[] screens =
        [
            ("reviews", ["Member reviews", "reviewer", "pending", "open and escalated reviews"], "メンバー精査"),
            ("review G-0001", ["member review: open (ad hoc), 8 of 10 pending", "keep", "remove", "complete"], "未回答"),
            ("actions", ["MCS actions", "archive group", "remove member", "admins", "done"], "グループの保管"),
            ("invitations", ["Invitations", "invited by", "identity verified", "facility not refused", "approve"], "本人認証済み"),
            ("offboarding", ["Offboarding", "last day", "not signed off"], "未承認"),
            ("checklist S-0008", ["last day 2026/12/10", "hand over group", "release from facility staff", "sign off"], "担当グループの引継ぎ"),
            ("audit", ["Audit log", "all", "entries", "verify", "actor"], "監査ログ"),
        ];

        foreach (var (command, words, japanese) in screens)
        {
            tui.Palette(command);
            tui.Shell.Current.Should().NotBeOfType<DashboardScreen>(command);
            var text = tui.Text();
            foreach (var word in words)
            {
                text.Should().Contain(word, command);
            }

            text.Should().NotContain(japanese, command);
        }
    }
}
