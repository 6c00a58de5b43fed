using Microsoft.AspNetCore.Http.HttpResults;

namespace McsOps.Bot.Hosting;

/// <summary><c>/healthz</c>: the process is up. <c>/readyz</c>: the database is open and the last backup did not fail (200), or not (503), on every listener.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
        app.MapGet("/readyz", Ready);
        return app;
    }

    private static JsonHttpResult<Readiness> Ready(StoreOwner owner)
    {
        var readiness = owner.Readiness();
        return TypedResults.Json(readiness, statusCode: !readiness.IsReady ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
