using System.Text.Json;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// A card button's data as it comes back: from an <c>Action.Execute</c> (an <c>invoke</c>
/// activity named <c>adaptiveCard/action</c>, <c>value.action.data</c>) or from its
/// <c>Action.Submit</c> fallback (a <c>message</c> activity whose <c>value</c> is the data). The
/// card's text inputs come back merged into the data under their ids.
/// </summary>
internal sealed record TeamsAction(string ActionId, string Value, string? Input)
{
    public const string ActionKey = "action";
    public const string ValueKey = "value";

    public static TeamsAction? Read(JsonElement value, bool invoke)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedActivityException("value is not an object");
        }

        var data = value;
        if (invoke)
        {
            var action = TeamsActivity.Element(value, "action", JsonValueKind.Object, required: true)!.Value;
            data = TeamsActivity.Element(action, "data", JsonValueKind.Object) ?? default;
            if (data.ValueKind != JsonValueKind.Object)
            {
                return TeamsActivity.Str(action, "verb") is { } verb ? new TeamsAction(verb, string.Empty, null) : null;
            }
        }

        if (TeamsActivity.Str(data, ActionKey) is not { } id)
        {
            return null;
        }

        var input = TeamsActivity.Str(data, McsOps.Core.ChatActions.Justification) ?? TeamsActivity.Str(data, McsOps.Core.ChatActions.Evidence);
        if (input is { Length: > TeamsActivity.MaxText })
        {
            throw new MalformedActivityException("input too long");
        }

        return new TeamsAction(id, TeamsActivity.Str(data, ValueKey) ?? string.Empty, string.IsNullOrWhiteSpace(input) ? null : input);
    }
}
