using System.ComponentModel.DataAnnotations;

namespace McsOps.Bot.Chat.Slack;

/// <summary>Section <c>Slack</c>. Slack is off (its routes answer 404) while <see cref="SigningSecret"/> is empty.</summary>
internal sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information → App Credentials).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>, OAuth &amp; Permissions).</summary>
    public string? BotToken { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public bool Enabled => !string.IsNullOrEmpty(SigningSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(BotToken))
        {
            yield return new ValidationResult("Slack:BotToken is required when Slack:SigningSecret is set", [nameof(BotToken)]);
        }

        if (!ExternalUrl.IsAllowed(ApiBaseUrl))
        {
            yield return new ValidationResult("Slack:ApiBaseUrl must be an https URL (http only to a loopback address)", [nameof(ApiBaseUrl)]);
        }
    }
}
