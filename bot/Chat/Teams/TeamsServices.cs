using McsOps.Bot.Chat;
using McsOps.Bot.Chat.Teams;
using Microsoft.Extensions.Options;

// In the namespace of AddXxx extensions, so that the host wires Teams with one line and no using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>services.AddTeams(configuration)</c>: the options (validated at start), the token check and
/// its key cache, the Connector client, the reply queue, the conversation references and — when
/// Teams is configured — the <see cref="IChatDelivery"/> the outbox dispatcher uses.
/// </summary>
internal static class TeamsServices
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddChatCommands(configuration);
        services.AddHttpClient(TeamsConnector.Client, http => http.Timeout = TeamsConnector.Timeout);
        services.AddSingleton<TeamsSigningKeys>();
        services.AddSingleton<TeamsTokenValidator>();
        services.AddSingleton<TeamsConnector>();
        services.AddSingleton<TeamsReferences>();
        services.AddSingleton<TeamsReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsReplies>());
        services.AddSingleton<TeamsDelivery>();
        var section = configuration.GetSection(TeamsOptions.Section);
        if (!string.IsNullOrEmpty(section[nameof(TeamsOptions.AppId)]) && !string.IsNullOrEmpty(section[nameof(TeamsOptions.AppPassword)]))
        {
            services.AddSingleton<IChatDelivery>(sp => sp.GetRequiredService<TeamsDelivery>());
        }
        return services;
    }
}
