namespace McsOps.Core.Tests.Chat;

public sealed class ChatCommandParseTests
{
    [Theory]
    [InlineData("review group P-0042", ChatVerb.ReviewGroup, "P-0042")]
    [InlineData("/review group P-0042", ChatVerb.ReviewGroup, "P-0042")]
    [InlineData("mcsops review group P-0042", ChatVerb.ReviewGroup, "P-0042")]
    [InlineData("/mcsops review group g-0042", ChatVerb.ReviewGroup, "G-0042")]
    [InlineData("<at>McsOps</at> review group P-0042", ChatVerb.ReviewGroup, "P-0042")]
    [InlineData("<at>McsOps 運用</at>\u00a0Review Group P-0042\n", ChatVerb.ReviewGroup, "P-0042")]
    [InlineData("review group Ｐ－００４２", ChatVerb.ReviewGroup, "P-0042")]
    [InlineData("ｒｅｖｉｅｗ　ｇｒｏｕｐ　Ｇ－００４２", ChatVerb.ReviewGroup, "G-0042")]
    [InlineData("review group P\u30fc0042", ChatVerb.ReviewGroup, "P-0042")]
    [InlineData("review", ChatVerb.MyReviews, null)]
    [InlineData("  /review  ", ChatVerb.MyReviews, null)]
    [InlineData("password changed", ChatVerb.PasswordChanged, null)]
    [InlineData("password changed 13mixed", ChatVerb.PasswordChanged, "13mixed")]
    [InlineData("Password Changed ２ＦＡ", ChatVerb.PasswordChanged, "2fa")]
    [InlineData("checklist", ChatVerb.Checklist, null)]
    [InlineData("status", ChatVerb.Status, null)]
    [InlineData("link k7mq2wxp", ChatVerb.Link, "K7MQ2WXP")]
    [InlineData("/mcsops link Ｋ７ＭＱ２ＷＸＰ", ChatVerb.Link, "K7MQ2WXP")]
    [InlineData("help", ChatVerb.Help, null)]
    [InlineData("", ChatVerb.Help, null)]
    [InlineData("/mcsops", ChatVerb.Help, null)]
    [InlineData("<at>McsOps</at>", ChatVerb.Help, null)]
    public void Parse_TheDocumentedForms(string text, ChatVerb verb, string? argument)
    {
        var parsed = ChatCommand.Parse(text);

        parsed.Verb.Should().Be(verb);
        parsed.Argument.Should().Be(argument);
    }

    [Theory]
    [InlineData("review group")]
    [InlineData("review group P-0042 extra")]
    [InlineData("review group 青木様")]
    [InlineData("review group <script>")]
    [InlineData("review P-0042")]
    [InlineData("status please")]
    [InlineData("link")]
    [InlineData("link two words")]
    [InlineData("link ../../etc")]
    [InlineData("password")]
    [InlineData("webhook-collect")]
    [InlineData("削除して")]
    [InlineData(null)]
    public void Parse_AnythingElse_IsUnknown(string? text) =>
        ChatCommand.Parse(text).Should().Be(new ChatCommand(ChatVerb.Unknown));

    [Fact]
    public void Parse_HugeText_IsUnknownWithoutLookingFurther()
    {
        ChatCommand.Parse("review group P-0042" + new string(' ', ChatCommand.MaxLength)).Verb.Should().Be(ChatVerb.Unknown);
        ChatCommand.Parse(new string('x', 1_000_000)).Verb.Should().Be(ChatVerb.Unknown);
    }

    [Fact]
    public void Parse_ACodeLongerThanCodesAre_IsUnknown() =>
        ChatCommand.Parse("review group " + new string('G', Code.MaxLength + 1)).Verb.Should().Be(ChatVerb.Unknown);
}
