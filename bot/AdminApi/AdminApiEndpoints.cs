using System.Buffers.Text;
using System.Diagnostics;
using System.Text.Json;
using McsOps.Bot.Hosting;
using McsOps.Bot.Limits;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace McsOps.Bot.AdminApi;

/// <summary>
/// The admin API, on the Unix socket only (a TCP connection has no <see cref="PeerUser"/> and gets
/// 404). One generic transport: <c>POST /ops/{name}</c> runs any operation or query of core with
/// the record as JSON and answers its result as JSON (an operation that carries a file sends the
/// file's bytes as the body and the record in a header instead: <see cref="Upload"/>);
/// <c>GET /caller</c> says who the caller is taken for; <c>GET /changes?since=N</c> is the
/// long-poll for live refresh. Errors are <see cref="WireProblem"/>s. Who calls is the socket's
/// peer credentials, mapped to staff. One OS user (uid) may send at most
/// <c>AdminApi:MaxRequestsPerSecond</c> requests in any second (the long-poll
/// <c>GET /changes?since=</c> not counted); beyond, 429 <c>api.toomany</c>, and the lockout is
/// audited once.
/// </summary>
internal static class AdminApiEndpoints
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<Settings>();
        var limiter = new SlidingLimiter(settings.MaxRequestsPerSecond, TimeSpan.FromSeconds(1), app.ServiceProvider.GetRequiredService<TimeProvider>());
        var api = app.MapGroup(string.Empty).AddEndpointFilter((context, next) => OnTheAdminSocket(context, next, limiter));
        api.MapGet("/caller", Caller);
        api.MapGet("/changes", ChangesAsync);
        api.MapPost("/ops/{name}", RunAsync);
        return app;
    }

    private static JsonHttpResult<WireCaller> Caller(HttpContext http, StoreOwner owner, Settings settings)
    {
        var caller = Identify(http, owner, settings);
        return TypedResults.Json(new WireCaller(caller.Actor, caller.Role != CallerRole.Admin), Wire.Options);
    }

    /// <summary>Without <c>since</c>: the counter now. With it: as soon as the counter is above it, or after <c>wait</c> seconds (at most 25).</summary>
    private static async Task<JsonHttpResult<long>> ChangesAsync(long? since, int? wait, HttpContext http, StoreOwner owner, Settings settings, IHostApplicationLifetime lifetime)
    {
        Identify(http, owner, settings);
        if (since is not { } after)
        {
            return TypedResults.Json(owner.Run(ops => ops.Store.ChangeCounter, mayChange: false), Wire.Options);
        }

        var patience = wait is { } seconds ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, (int)LongPoll.TotalSeconds)) : LongPoll;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            return TypedResults.Json(await owner.WaitForChangeAsync(after, patience, cancel.Token), Wire.Options);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return TypedResults.Json(after, Wire.Options); // the service is stopping: let the client ask again
        }
    }

    private static async Task<IResult> RunAsync(string name, HttpContext http, StoreOwner owner, Settings settings, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AdminApiEndpoints));
        var caller = Identify(http, owner, settings);
        var type = OperationType.ByName.GetValueOrDefault(name) ?? throw new OpsException(ExitCode.BadArguments, "api.unknownop", name);
        var user = http.Features.Get<PeerUser>()!.UserName;
        if (caller.Role == CallerRole.Auditor && !type.AllowsReadOnly)
        {
            owner.Run(ops => ops.Store.Write(s => s.Audit.Append(caller.Actor, "api.refused", type.Name, "read only (auditor)")));
            Log.Refused(logger, user, caller.Actor.Id, type.Name, "read only (auditor)");
            throw new OpsException(ExitCode.NotPermitted, "op.readonly", caller.Actor.Id);
        }

        var clock = Stopwatch.StartNew();
        var outcome = "ok";
        Upload? upload = null;
        try
        {
            object operation;
            if (type.CarriesFile)
            {
                (operation, upload) = await ReceiveAsync(http, type, settings);
            }
            else
            {
                operation = await ReadAsync(http, type, settings.MaxRequestBytes);
            }

            var result = owner.Run(ops => ops.Run(operation, caller.Actor), mayChange: !type.IsQuery);

            // A file (an export) goes back as its own bytes, as files come in: not as base64 in JSON.
            return result is byte[] file ? TypedResults.Bytes(file, Wire.FileContentType) : TypedResults.Json(result, Wire.Options);
        }
        catch (OpsException e)
        {
            outcome = e.Key;
            throw;
        }
        finally
        {
            upload?.Dispose();
            Log.Ran(logger, user, caller.Actor.Id, Tokens.Format(caller.Actor.Channel), type.Name, outcome, clock.ElapsedMilliseconds);
        }
    }

    /// <summary>The caller as the peer credentials and the staff records say; exit 6 (403) for anyone who is neither admin nor auditor.</summary>
    private static Caller Identify(HttpContext http, StoreOwner owner, Settings settings)
    {
        var channel = http.Request.Headers[Wire.ChannelHeader].ToString() switch
        {
            "" or "cli" => Channel.Cli,
            "tui" => Channel.Tui,
            var other => throw new OpsException(ExitCode.BadArguments, "api.channel", other),
        };
        var peer = http.Features.Get<PeerUser>()!;
        var caller = owner.Run(ops => ops.Store.Read(s => AdminApi.Caller.Resolve(s, peer.UserName, settings.BootstrapAdmins, channel)), mayChange: false);
        return caller.Role == CallerRole.None ? throw new OpsException(ExitCode.NotPermitted, "api.notpermitted", peer.UserName) : caller;
    }

    /// <summary>An operation without a file: its record is the JSON body, at most <paramref name="limit"/> bytes.</summary>
    private static async Task<object> ReadAsync(HttpContext http, OperationType type, long limit)
    {
        if (IsFile(http.Request))
        {
            throw new OpsException(ExitCode.BadArguments, "api.notafile", type.Name);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            return await DeserializeAsync(http.Request.Body, type, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new OpsException(ExitCode.BadArguments, "api.toolarge", limit / (1024 * 1024));
        }
    }

    /// <summary>
    /// An operation that carries a file: the body is the file's bytes (<see cref="Wire.FileContentType"/>)
    /// and the record, with the file as its length, is JSON in <see cref="Wire.OperationHeader"/>
    /// (base64url). The record is read and checked before a byte of the body; the bytes go to a file
    /// of the service's own (<see cref="Upload"/>), which the operation then carries in their place.
    /// </summary>
    private static async Task<(object Operation, Upload Upload)> ReceiveAsync(HttpContext http, OperationType type, Settings settings)
    {
        if (!IsFile(http.Request))
        {
            throw new OpsException(ExitCode.BadArguments, "api.needsfile", type.Name);
        }

        if (http.Request.Headers[Wire.OperationHeader] is not [{ Length: > 0 } header])
        {
            throw new OpsException(ExitCode.BadArguments, "api.badrequest", type.Name, $"one {Wire.OperationHeader} header must hold the operation");
        }

        byte[] json;
        try
        {
            json = Base64Url.DecodeFromChars(header);
        }
        catch (FormatException)
        {
            throw new OpsException(ExitCode.BadArguments, "api.badrequest", type.Name, $"the {Wire.OperationHeader} header is not base64url");
        }

        if (json.Length > settings.MaxRequestBytes)
        {
            throw new OpsException(ExitCode.BadArguments, "api.toolarge", settings.MaxRequestBytes / (1024 * 1024));
        }

        var announced = await DeserializeAsync(new MemoryStream(json), type, http.RequestAborted);
        var upload = await Upload.ReceiveAsync(http, type.Name, type.FileOf(announced).Length, settings);
        try
        {
            return (type.WithFile(announced, FileContent.OfFile(upload.Path)), upload);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    private static async Task<object> DeserializeAsync(Stream json, OperationType type, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(json, type.Type, Wire.Options, cancellationToken)
                ?? throw new JsonException("the body is null");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new OpsException(ExitCode.BadArguments, "api.badrequest", type.Name, e.Message);
        }
    }

    private static bool IsFile(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(Wire.FileContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Hides the API from TCP connections, and turns failures into problems the client rethrows.</summary>
    private static async ValueTask<object?> OnTheAdminSocket(EndpointFilterInvocationContext context, EndpointFilterDelegate next, SlidingLimiter limiter)
    {
        var http = context.HttpContext;
        if (http.Features.Get<PeerUser>() is not { } peer)
        {
            return TypedResults.NotFound();
        }

        try
        {
            var longPoll = http.Request.Path.StartsWithSegments("/changes", StringComparison.Ordinal) && http.Request.Query.ContainsKey("since");
            if (!longPoll && limiter.Hit(peer.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture)) is var verdict and not LimitVerdict.Allowed)
            {
                Refuse(http, peer, limiter, verdict);
            }

            return await next(context);
        }
        catch (OpsException e)
        {
            return Problem(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Failed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminApiEndpoints)), e, http.Request.Path);
            return Problem(new OpsException(ExitCode.InternalError, "cli.internal", e.GetType().Name, e.Message));
        }
    }

    /// <summary>Throws the 429; the first refusal of a lockout is audited (actor system, subject the OS user) and logged.</summary>
    private static void Refuse(HttpContext http, PeerUser peer, SlidingLimiter limiter, LimitVerdict verdict)
    {
        if (verdict == LimitVerdict.LockedOut)
        {
            var why = $"more than {limiter.Limit} requests per second (uid {peer.Uid})";
            LimitLog.AdminLockedOut(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminApiEndpoints)), peer.UserName, why);
            http.RequestServices.GetRequiredService<StoreOwner>().Run(ops => ops.Store.Write(s => s.Audit.Append(Actor.System, "security.lockout", "os:" + peer.UserName, why)));
        }

        throw new OpsException(ExitCode.Locked, "api.toomany", limiter.Limit);
    }

    private static JsonHttpResult<WireProblem> Problem(OpsException e)
    {
        var status = e.Key switch
        {
            "api.unknownop" => StatusCodes.Status404NotFound,
            "api.toomany" => StatusCodes.Status429TooManyRequests,
            "api.toolarge" or "api.uploadtoolarge" => StatusCodes.Status413PayloadTooLarge,
            _ => e.Code switch
            {
                ExitCode.BadArguments => StatusCodes.Status400BadRequest,
                ExitCode.InputRejected => StatusCodes.Status422UnprocessableEntity,
                ExitCode.Locked => StatusCodes.Status503ServiceUnavailable,
                ExitCode.NotPermitted => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status500InternalServerError,
            },
        };
        return TypedResults.Json(WireProblem.Of(e, status), Wire.Options, Wire.ProblemContentType, status);
    }
}
