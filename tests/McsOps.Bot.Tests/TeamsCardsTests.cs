using System.Text.Json.Nodes;
using McsOps.Bot.Chat.Teams;
using McsOps.Core;

namespace McsOps.Bot.Tests;

/// <summary>Message text to command, neutral content to Adaptive Cards and invoke answers.</summary>
public sealed class TeamsCardsTests
{
    [Theory]
    [InlineData("<at>McsOps</at> review group P-0042", "review group P-0042")]
    [InlineData("<at>Mcs&amp;Ops</at>&nbsp;/review&nbsp;group&nbsp;P-0042", "/review group P-0042")]
    [InlineData("<p>status</p>", "status")]
    [InlineData("&lt;at&gt;x&lt;/at&gt; help", "<at>x</at> help")]
    [InlineData("  ", "")]
    [InlineData(null, "")]
    public void MessageText_LosesItsMentionAndMarkup_AndEntitiesAreDecoded(string? text, string command) =>
        TeamsText.Command(text).Should().Be(command);

    [Fact]
    public void ContentWithoutRowsButtonsOrInput_IsAPlainTextMessage()
    {
        var activity = TeamsCards.Activity(new MessageContent { Text = "こんにちは" });

        activity.ToJsonString(TeamsCards.Json).Should().Be("{\"type\":\"message\",\"text\":\"こんにちは\",\"textFormat\":\"plain\"}");
        TeamsCards.InvokeResponse(new MessageContent { Text = "x" }).ToJsonString().Should().Be("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"x\"}");
    }

    [Fact]
    public void Content_IsAnAdaptiveCard15_WithExecuteButtonsFallingBackToSubmit()
    {
        var content = new MessageContent
        {
            Text = "G-0042",
            Fields =
            [
                new MessageField("件数", "3"),
                new MessageField("S-0001 山田一郎", "医師") { Buttons = [new MessageButton("継続", ChatActions.Keep, "G-0042/S-0001")] },
            ],
            Buttons = [new MessageButton("開く", ChatActions.ReviewGroup, "G-0042")],
            Input = new MessageInput(ChatActions.Justification, "理由"),
        };

        var activity = TeamsCards.Activity(content);

        activity["text"].Should().BeNull();
        var attachment = activity["attachments"]!.AsArray().Single()!;
        attachment["contentType"]!.ToString().Should().Be("application/vnd.microsoft.card.adaptive");
        var card = attachment["content"]!.AsObject();
        card["type"]!.ToString().Should().Be("AdaptiveCard");
        card["version"]!.ToString().Should().Be("1.5");
        var body = card["body"]!.AsArray();
        body.Select(b => b!["type"]!.ToString()).Should().Equal("TextBlock", "Container", "FactSet", "Input.Text");
        body[2]!["facts"]![0]!["title"]!.ToString().Should().Be("件数");
        body[3]!["id"]!.ToString().Should().Be(ChatActions.Justification);
        var keep = body[1]!["items"]![2]!["actions"]![0]!;
        keep["type"]!.ToString().Should().Be("Action.Execute");
        keep["verb"]!.ToString().Should().Be(ChatActions.Keep);
        keep["data"]!.ToJsonString().Should().Be("{\"action\":\"review_keep\",\"value\":\"G-0042/S-0001\"}");
        keep["fallback"]!["type"]!.ToString().Should().Be("Action.Submit");
        keep["fallback"]!["data"]!.ToJsonString().Should().Be(keep["data"]!.ToJsonString());
        card["actions"]![0]!["verb"]!.ToString().Should().Be(ChatActions.ReviewGroup);
        var invoke = TeamsCards.InvokeResponse(content);
        invoke["statusCode"]!.GetValue<int>().Should().Be(200);
        invoke["type"]!.ToString().Should().Be("application/vnd.microsoft.card.adaptive");
        JsonNode.DeepEquals(invoke["value"], card).Should().BeTrue();
    }
}
