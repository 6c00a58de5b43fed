using McsOps.Bot.Chat;
using McsOps.Bot.Chat.Dispatch;

// In the namespace of AddXxx extensions, like AddSlack.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>services.AddOutboxDispatcher(configuration)</c>: the <c>Chat</c> settings (checked now: a bad
/// value is exit 2 naming the key), the <see cref="Dispatcher"/>, and its worker when at least one
/// chat platform registered an <see cref="IChatDelivery"/> before this call.
/// </summary>
internal static class DispatchServices
{
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DispatchOptions.Load(configuration));
        services.AddSingleton<Dispatcher>();
        if (services.Any(s => s.ServiceType == typeof(IChatDelivery)))
        {
            services.AddHostedService<DispatcherWorker>();
        }

        return services;
    }
}
