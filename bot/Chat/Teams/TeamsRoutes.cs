using McsOps.Bot.Chat.Teams;
using Microsoft.Extensions.Options;

// In the namespace of MapXxx extensions, so that the host maps Teams with one line and no using.
namespace Microsoft.AspNetCore.Builder;

internal static class TeamsRoutes
{
    /// <summary><c>POST /api/messages</c>, only when <c>Teams:AppId</c> and <c>Teams:AppPassword</c> are set (otherwise it answers 404).</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled)
        {
            app.MapPost("/api/messages", TeamsEndpoints.Messages).RequireRateLimiting(McsOps.Bot.Chat.ChatServices.LoadPolicy);
        }

        return app;
    }
}
