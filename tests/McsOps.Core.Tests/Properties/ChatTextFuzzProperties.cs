using System.Text;
using FsCheck;
using FsCheck.Fluent;
using McsOps.Core.Audit;
using McsOps.Core.Tests.Chat;
using Xunit.Abstractions;

namespace McsOps.Core.Tests.Properties;

/// <summary>
/// Issue 8 item 2, chat command text: codes typed with look-alikes (full width, dash look-alikes,
/// zero-width characters, ideographic spaces) are normalised to the ASCII code, not rejected; any
/// other text is a clear answer, never an exception, never a write, never a patient's name.
/// </summary>
public sealed class ChatTextFuzzProperties(ITestOutputHelper output)
{
    public const int Cases = 10_000;

    private static readonly char[] Dashes = ['-', '－', '−', '‐', '‑', '‒', '–', '—', '―', 'ー', 'ｰ', '﹣', '⁃', '➖'];

    private static readonly string[] Invisible = ["", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E"];

    private static readonly string[] Spaces = [" ", "\u3000", "  ", "\t", "\u00A0"];

    private static readonly string[] Verbs = ["review group {0}", "/review group {0}", "/mcsops review group {0}", "<at>McsOps</at> review group {0}", "ｒｅｖｉｅｗ　ｇｒｏｕｐ　{0}", "link {0}"];

    /// <summary>A code (prefix, digits), then how it is disguised: per character full width or not, which dash, an invisible character, spaces around, which verb.</summary>
    public static Gen<(string Code, string Typed, int Verb)> LookAlikes() =>
        Gen.Zip(
                Gen.Zip(Gen.Zip(Gen.Elements("P", "G", "S", "D", "K7MQ"), Gen.Choose(0, 9999)), ArbMap.Default.GeneratorFor<bool[]>()),
                Gen.Zip(Gen.Zip(Gen.Choose(0, Dashes.Length - 1), Gen.Choose(0, Invisible.Length - 1)), Gen.Zip(Gen.Choose(0, Spaces.Length - 1), Gen.Choose(0, Verbs.Length - 1))))
            .Select(t =>
            {
                var (((prefix, number), wide), ((dash, invisible), (space, verb))) = t;
                var code = prefix + "-" + number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
                var typed = new StringBuilder();
                for (var i = 0; i < code.Length; i++)
                {
                    var c = code[i];
                    var w = wide is { Length: > 0 } && wide[i % wide.Length];
                    typed.Append(c == '-' ? Dashes[dash] : w ? (char)(c - 0x21 + 0xFF01) : i % 3 == 0 ? char.ToLowerInvariant(c) : c);
                    if (i == 1)
                    {
                        typed.Append(Invisible[invisible]);
                    }
                }

                return (code, Spaces[space] + typed + Spaces[space], verb);
            });

    [Fact]
    public void Parse_CodesTypedWithLookAlikes_AreNormalisedToTheAsciiCode()
    {
        var ran = 0;
        var property = Prop.ForAll(LookAlikes().ToArbitrary(), c =>
        {
            ran++;
            var parsed = ChatCommand.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, Verbs[c.Verb], c.Typed));
            parsed.Verb.Should().Be(Verbs[c.Verb].StartsWith("link", StringComparison.Ordinal) ? ChatVerb.Link : ChatVerb.ReviewGroup, c.Typed);
            parsed.Argument.Should().Be(c.Code, c.Typed);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);

        output.WriteLine($"chat look-alike codes: {ran} generated");
        ran.Should().Be(Cases);
    }

    [Theory]
    [InlineData("review group Ｐ－００４２")]
    [InlineData("review group P\u200B-0042")]
    [InlineData("review group P⁃0042")]
    [InlineData("review group ｐ➖００４２")]
    public void Parse_FullWidthAndDashLookAlikes_GiveP0042(string text) =>
        ChatCommand.Parse(text).Should().Be(new ChatCommand(ChatVerb.ReviewGroup, "P-0042"));

    [Fact]
    public void Parse_CyrillicLookAlikeLetter_IsNotAnotherCode() =>
        ChatCommand.Parse("review group \u0420-0042").Verb.Should().Be(ChatVerb.Unknown, "Cyrillic Р is not P: refused, never taken for another group");

    /// <summary>Generated text (any Unicode, huge, control characters, near-commands) from every kind of user: an answer, no exception, nothing written unless the command is one that writes.</summary>
    [Fact]
    public void Handle_GeneratedText_AnswersWithoutThrowing_WritesNothing_LeaksNoName()
    {
        using var w = ChatWorld.Create();
        var chat = new ChatCommands(w.Ops);
        string[] users = [ChatWorld.AdminUser, ChatWorld.NurseUser, ChatWorld.ExternalUser, ChatWorld.UnlinkedUser];
        string[] near = ["review group ", "link ", "password changed ", "/mcsops ", "status ", "checklist ", "help "];
        int ran = 0, writes = 0;
        var text = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
            Gen.Zip(Gen.Elements(near), ArbMap.Default.GeneratorFor<string>()).Select(t => t.Item1 + t.Item2),
            Gen.Choose(150, 100_000).Select(n => "review group " + new string('Ｐ', n)),
            LookAlikes().Select(c => "review grou " + c.Typed));
        var property = Prop.ForAll(Gen.Zip(Gen.Choose(0, users.Length - 1), text).ToArbitrary(), c =>
        {
            ran++;
            var before = w.Store.ChangeCounter;
            var parsed = ChatCommand.Parse(c.Item2);
            var answer = chat.Handle(ChatWorld.Slack(users[c.Item1], c.Item2));
            answer.Content.Text.Should().NotBeNullOrWhiteSpace();
            ChatWorld.Strings(answer).Should().NotContain(s => ChatWorld.PersonalData.Any(s.Contains));
            if (parsed.Verb is ChatVerb.ReviewGroup or ChatVerb.PasswordChanged or ChatVerb.Link)
            {
                writes += w.Store.ChangeCounter != before ? 1 : 0;
            }
            else
            {
                w.Store.ChangeCounter.Should().Be(before, c.Item2);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);

        w.Run(new VerifyAuditChain()).FirstBroken.Should().BeNull();
        output.WriteLine($"chat command text: {ran} generated, {writes} wrote (a command that writes, from a linked user)");
        ran.Should().Be(Cases);
    }
}
