using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Storage;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat;

/// <summary>
/// What every chat adapter shares: the operations on the host's store (<see cref="IStore"/>, a
/// singleton the host registers) and the one <see cref="ChatCommands"/>. Resolved at the first
/// request, so a host with chat switched off never needs them. And the limits of the chat
/// endpoints (<see cref="ChatLimits"/>).
/// </summary>
internal static class ChatServices
{
    /// <summary>The rate-limiting policy of the chat routes (<c>Chat:MaxConcurrentRequests</c>, <c>Chat:MaxQueuedRequests</c>).</summary>
    public const string LoadPolicy = "chat";

    public static IServiceCollection AddChatCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IStore>();
            return new Ops(store, store.Read(s => s.Policy), sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<ChatCommands>();
        if (!services.Any(d => d.ServiceType == typeof(ChatLimits)))
        {
            services.AddSingleton(Options.Create(ChatLimitOptions.Load(configuration)));
            services.AddSingleton<ChatLimits>();
            services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.OnRejected = (rejected, _) =>
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = "1";
                    return ValueTask.CompletedTask;
                };
                // One limiter for every chat route: a queue of requests in order, shed beyond its limit.
                o.AddPolicy(LoadPolicy, http => RateLimitPartition.GetConcurrencyLimiter(LoadPolicy, _ =>
                {
                    var limits = http.RequestServices.GetRequiredService<IOptions<ChatLimitOptions>>().Value;
                    return new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.MaxConcurrentRequests,
                        QueueLimit = limits.MaxQueuedRequests,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    };
                }));
            });
        }

        return services;
    }
}
