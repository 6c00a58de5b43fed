using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using McsOps.Bot.Hosting;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace McsOps.Bot.Tests;

/// <summary>
/// The real service, built by the same code as <c>mcsops-bot</c>'s Program, on a temporary data
/// directory: Kestrel on a loopback port and on a real Unix socket, the real LiteDB file.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningService(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public Settings Settings => _app.Services.GetRequiredService<Settings>();

    public string SocketPath => Settings.SocketPath;

    public Uri Tcp => new(_app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));

    public StoreOwner Owner => _app.Services.GetRequiredService<StoreOwner>();

    /// <summary>Builds and starts the service; settings are <c>Key=value</c> pairs (<c>AdminApi:BootstrapAdmins:0=root</c>).</summary>
    public static async Task<RunningService> StartAsync(string dataDirectory, params string[] settings)
    {
        var app = Build(dataDirectory, settings);
        await app.StartAsync();
        return new RunningService(app, dataDirectory);
    }

    /// <summary>Starts the service and waits until <c>/readyz</c> says the database is open.</summary>
    public static async Task<RunningService> StartReadyAsync(string dataDirectory, params string[] settings)
    {
        var service = await StartAsync(dataDirectory, settings);
        await service.WaitUntilAsync((status, _) => status == HttpStatusCode.OK);
        return service;
    }

    /// <summary>The service on <paramref name="time"/> (a fake clock) instead of the system's; waits until it is ready.</summary>
    public static async Task<RunningService> StartReadyAsync(string dataDirectory, TimeProvider time, params string[] settings)
    {
        var builder = Builder(dataDirectory, settings);
        builder.Services.AddSingleton(time);
        var app = ServiceHost.Build(builder);
        await app.StartAsync();
        var service = new RunningService(app, dataDirectory);
        await service.WaitUntilAsync((status, _) => status == HttpStatusCode.OK);
        return service;
    }

    public static WebApplication Build(string dataDirectory, params string[] settings) => ServiceHost.Build(Builder(dataDirectory, settings));

    private static WebApplicationBuilder Builder(string dataDirectory, string[] settings) =>
        ServiceHost.CreateBuilder(
            ["--McsOps:DataDirectory=" + dataDirectory, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings.Select(s => "--" + s)],
            etcFile: null);

    /// <summary>Polls <c>/readyz</c> until <paramref name="condition"/> holds for its status and body (at most 30 s); returns that body.</summary>
    public async Task<Readiness> WaitUntilAsync(Func<HttpStatusCode, Readiness, bool> condition)
    {
        using var http = new HttpClient { BaseAddress = Tcp };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), timeout.Token);
            var readiness = (await response.Content.ReadFromJsonAsync<Readiness>(timeout.Token))!;
            if (condition(response.StatusCode, readiness))
            {
                return readiness;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    public RemoteOpsClient Connect(Channel channel = Channel.Cli) =>
        RemoteOpsClient.TryConnect(SocketPath, channel) ?? throw new InvalidOperationException("the admin socket does not answer");

    /// <summary>Plain HTTP over the admin socket, for requests RemoteOpsClient would never send.</summary>
    public HttpClient Unix() => UnixClient(SocketPath);

    public static HttpClient UnixClient(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancel) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") };
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
