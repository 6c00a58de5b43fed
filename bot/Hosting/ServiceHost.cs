using System.Text.Json;
using McsOps.Bot.AdminApi;
using McsOps.Core;
using McsOps.Core.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McsOps.Bot.Hosting;

/// <summary>
/// Builds and runs <c>mcsops-bot</c>: the configuration in design §9's order, validated before
/// anything starts; console logging (JSON with <c>--log-format json</c>); the store's owner; the
/// HTTP listener where <c>--urls</c> / <c>ASPNETCORE_URLS</c> say plus the admin socket;
/// <c>/healthz</c>, <c>/readyz</c> and the admin API. The tests build the same application.
/// </summary>
public static class ServiceHost
{
    public const string EtcFile = "/etc/mcsops/appsettings.json";

    /// <summary>Runs the service until it is stopped; a bad setting or an unusable database ends it with design §9's exit code and a message on stderr.</summary>
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder> addWorkers)
    {
        ArgumentNullException.ThrowIfNull(addWorkers);
        IConfiguration? configuration = null;
        try
        {
            var builder = NewBuilder(args, EtcFile);
            configuration = builder.Configuration;
            AddService(builder);
            addWorkers(builder);
            await using var app = Build(builder);
            var owner = app.Services.GetRequiredService<StoreOwner>();
            await app.RunAsync().ConfigureAwait(false);
            return owner.Failure is { } failure ? Fail(failure, configuration) : 0;
        }
        catch (OpsException e)
        {
            return Fail(e, configuration);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // A platform's section (Slack, Teams) checked at start: exit 2 with what is wrong, which names the key, not a stack trace.
            return Fail(new OpsException(ExitCode.BadArguments, "config.invalid", e.OptionsType.Name.Replace("Options", "", StringComparison.Ordinal), string.Join("; ", e.Failures)), configuration);
        }
    }

    /// <summary>The service's builder; <paramref name="etcFile"/> null leaves out <c>/etc/mcsops/appsettings.json</c> (tests).</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? etcFile = EtcFile)
    {
        var builder = NewBuilder(args, etcFile);
        AddService(builder);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapHealth();
        app.MapAdminApi();
        app.MapSlack();
        app.MapTeams();
        return app;
    }

    /// <summary>
    /// <c>appsettings.json</c> next to the executable, then <paramref name="etcFile"/>, then the
    /// environment, then the command line (where <c>--log-format</c> is the console formatter).
    /// </summary>
    private static WebApplicationBuilder NewBuilder(string[] args, string? etcFile)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
            var sources = builder.Configuration.Sources;
            // Defaults that every file, variable or option overrides: no line per HTTP request, UTC timestamps.
            sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData =
                [
                    new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"),
                    new("Logging:Console:FormatterOptions:TimestampFormat", "yyyy-MM-dd'T'HH:mm:ss.fff'Z' "),
                    new("Logging:Console:FormatterOptions:UseUtcTimestamp", "true"),
                ],
            });
            if (etcFile is not null && File.Exists(etcFile))
            {
                var afterFiles = sources.ToList().FindLastIndex(s => s is Microsoft.Extensions.Configuration.Json.JsonConfigurationSource) + 1;
                builder.Configuration.AddJsonFile(etcFile, optional: true, reloadOnChange: false);
                var etc = sources[^1];
                sources.RemoveAt(sources.Count - 1);
                sources.Insert(afterFiles, etc);
            }

            builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--log-format"] = FormatterKey });
            builder.Logging.ClearProviders().AddConsole();
            return builder;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            throw new OpsException(ExitCode.BadArguments, "config.json", etcFile ?? "appsettings.json", e.InnerException?.Message ?? e.Message);
        }
    }

    private const string FormatterKey = "Logging:Console:FormatterName";

    private static void AddService(WebApplicationBuilder builder)
    {
        var settings = Settings.Load(builder.Configuration);
        if (builder.Configuration[FormatterKey] is { } format && format is not ("simple" or "json" or "systemd"))
        {
            throw Settings.Invalid("--log-format", "config.logformat", format);
        }

        var socket = new AdminSocket(settings);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(socket);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StoreOwner>();
        // Kestrel stops first and waits this long for the requests in flight (an import can take
        // tens of seconds) before it drops their connections; systemd's TimeoutStopSec is above it.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(80));
        builder.Services.AddHostedService(services => services.GetRequiredService<StoreOwner>());
        // The chat adapters run their operations on the owner's store (resolved at the first chat request).
        builder.Services.AddSingleton(services => services.GetRequiredService<StoreOwner>().Store);
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddTeams(builder.Configuration);
        // After every platform: the dispatcher runs only when one of them is configured.
        builder.Services.AddOutboxDispatcher(builder.Configuration);
        // Listing the socket with the configured URLs keeps --urls / ASPNETCORE_URLS in force (a
        // Listen call in code would override them); the connection middleware applies to every endpoint.
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://localhost:5000";
        builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "http://unix:" + socket.BindPath]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(PeerCredentials.Middleware)));
    }

    private static int Fail(OpsException e, IConfiguration? configuration)
    {
        var lang = Tokens.TryParse<Lang>(configuration?["McsOps:Language"], out var configured) ? configured : Lang.Ja;
        Console.Error.WriteLine("mcsops-bot: " + e.Localize(lang));
        return (int)e.Code;
    }
}
