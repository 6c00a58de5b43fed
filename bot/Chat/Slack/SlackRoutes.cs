using McsOps.Bot.Chat.Slack;
using Microsoft.Extensions.Options;

// In the namespace of MapXxx extensions, so that Program.cs maps Slack with one line and no using.
namespace Microsoft.AspNetCore.Builder;

internal static class SlackRoutes
{
    /// <summary>The Slack routes, only when <c>Slack:SigningSecret</c> is set (otherwise they answer 404).</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled)
        {
            app.MapPost("/slack/commands", SlackEndpoints.Commands).RequireRateLimiting(McsOps.Bot.Chat.ChatServices.LoadPolicy);
            app.MapPost("/slack/interactivity", SlackEndpoints.Interactivity).RequireRateLimiting(McsOps.Bot.Chat.ChatServices.LoadPolicy);
        }

        return app;
    }
}
