using McsOps.Bot.Chat;
using McsOps.Bot.Chat.Slack;
using Microsoft.Extensions.Options;

// In the namespace of AddXxx extensions, so that Program.cs wires Slack with one line and no using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddSlack(configuration)</c>: the options (validated at start), the signature check, the Web API client, the reply queue and, when Slack is on, its <see cref="IChatDelivery"/> for the outbox.</summary>
internal static class SlackServices
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddChatCommands(configuration);
        services.AddSingleton<SlackSignature>();
        services.AddHttpClient(SlackApi.Client, (sp, http) =>
        {
            var url = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl.ToString();
            http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            http.Timeout = SlackApi.Timeout;
        });
        services.AddSingleton<SlackApi>();
        services.AddSingleton<SlackReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackReplies>());
        if (!string.IsNullOrEmpty(configuration[SlackOptions.Section + ":" + nameof(SlackOptions.SigningSecret)]))
        {
            // The outbox dispatcher's way to Slack: only when Slack is on (the rule of SlackOptions.Enabled).
            services.AddSingleton<IChatDelivery, SlackDelivery>();
        }

        return services;
    }
}
