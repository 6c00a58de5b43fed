using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McsOps.Bot.Chat;

/// <summary>
/// What every chat adapter shares: the operations on the host's store (<see cref="IStore"/>, a
/// singleton the host registers) and the one <see cref="ChatCommands"/>. Resolved at the first
/// request, so a host with chat switched off never needs them. And the limits of the chat
/// endpoints (<see cref="ChatLimits"/>).
/// </summary>
internal static class ChatServices
{
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
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
            services.AddOptions<ChatLimitOptions>().BindConfiguration(ChatLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<ChatLimits>();
        }

        return services;
    }
}
