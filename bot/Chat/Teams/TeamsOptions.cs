using System.ComponentModel.DataAnnotations;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// Section <c>Teams</c>. Teams is off (<c>/api/messages</c> answers 404) while <see cref="AppId"/>
/// or <see cref="AppPassword"/> is empty. The defaults are Microsoft's public endpoints; every
/// URL must be https (http only to a loopback address, for tests).
/// </summary>
internal sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "Teams";

    /// <summary>The scope of the bot's client-credentials token for the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The Microsoft App ID of the bot (the Entra app registration's Application (client) ID).</summary>
    public string? AppId { get; set; }

    /// <summary>A client secret of that app registration.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant (directory) id: single-tenant bots get their token from this tenant.</summary>
    public string? TenantId { get; set; }

    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>Empty: <c>https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token</c>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>
    /// The service URLs (prefixes) the bot sends its token to; an activity from any other is
    /// refused. Empty: <see cref="DefaultServiceUrls"/> (an array default would be appended to by
    /// the configuration binder, not replaced).
    /// </summary>
    public string[] AllowedServiceUrls { get; set; } = [];

    public static readonly string[] DefaultServiceUrls = ["https://smba.trafficmanager.net/"];

    public IReadOnlyList<string> ServiceUrls => AllowedServiceUrls.Length > 0 ? AllowedServiceUrls : DefaultServiceUrls;

    public bool Enabled => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppPassword);

    public Uri TokenUrl => TokenEndpoint is { OriginalString.Length: > 0 } configured ? configured : new Uri($"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId ?? "common")}/oauth2/v2.0/token");

    /// <summary>Whether McsOps may send its token to <paramref name="serviceUrl"/>: same scheme, host and port as an allowed URL, and under its path.</summary>
    public bool IsAllowedServiceUrl(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || !ExternalUrl.IsAllowed(url) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        foreach (var allowed in ServiceUrls)
        {
            if (Uri.TryCreate(allowed, UriKind.Absolute, out var a)
                && string.Equals(a.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(a.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
                && a.Port == url.Port
                && url.AbsolutePath.StartsWith(a.AbsolutePath, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(AppId) && string.IsNullOrEmpty(AppPassword))
        {
            yield return new ValidationResult("Teams:AppPassword is required when Teams:AppId is set", [nameof(AppPassword)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult("Teams:TenantId is required when Teams:AppId is set (single-tenant bot)", [nameof(TenantId)]);
        }

        if (!ExternalUrl.IsAllowed(OpenIdMetadataUrl))
        {
            yield return new ValidationResult("Teams:OpenIdMetadataUrl must be an https URL (http only to a loopback address)", [nameof(OpenIdMetadataUrl)]);
        }

        if (TokenEndpoint is { OriginalString.Length: > 0 } && !ExternalUrl.IsAllowed(TokenEndpoint))
        {
            yield return new ValidationResult("Teams:TokenEndpoint must be an https URL (http only to a loopback address)", [nameof(TokenEndpoint)]);
        }

        foreach (var url in AllowedServiceUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || !ExternalUrl.IsAllowed(u))
            {
                yield return new ValidationResult("Teams:AllowedServiceUrls: every entry must be an https URL (http only to a loopback address)", [nameof(AllowedServiceUrls)]);
                break;
            }
        }
    }
}
