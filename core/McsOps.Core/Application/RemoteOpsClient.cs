using System.Buffers.Text;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace McsOps.Core.Application;

/// <summary>
/// Remote mode: operations and queries go to the service over its admin socket (HTTP/1.1, JSON,
/// <c>POST /ops/{name}</c>; an operation that carries a file streams the file as the body and sends
/// its record in a header, see <see cref="Wire"/>). The service knows who is calling from the
/// socket's peer credentials; this client only says which channel it is (tui or cli). An error
/// answer is rethrown as the same <see cref="OpsException"/>, so it is localised here, in the
/// caller's language.
/// </summary>
public sealed class RemoteOpsClient : IOpsClient, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue FileType = new(Wire.FileContentType);
    private readonly HttpClient _http;
    private readonly string _socketPath;

    private RemoteOpsClient(HttpClient http, string socketPath, WireCaller caller)
    {
        _http = http;
        _socketPath = socketPath;
        Actor = caller.Actor;
        ReadOnly = caller.ReadOnly;
    }

    public Actor Actor { get; }

    public bool ReadOnly { get; }

    public long ChangeCounter => Send<long>(new HttpRequestMessage(HttpMethod.Get, "changes"));

    /// <summary>
    /// Connects when something answers on <paramref name="socketPath"/>; null when nothing does
    /// (no file, nobody listening). Throws exit 6 when the socket or the service refuses this user.
    /// </summary>
    public static RemoteOpsClient? TryConnect(string socketPath, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(socketPath);
        if (!File.Exists(socketPath))
        {
            return null;
        }

        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancel) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add(Wire.ChannelHeader, Tokens.Format(channel));
        try
        {
            return new RemoteOpsClient(http, socketPath, Send<WireCaller>(http, socketPath, new HttpRequestMessage(HttpMethod.Get, "caller")));
        }
        catch (OpsException e) when (e.Key == NoSocket)
        {
            http.Dispose();
            return null;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public TResult Execute<TResult>(IOperation<TResult> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var type = OperationType.Of(operation.GetType());
        var json = JsonSerializer.SerializeToUtf8Bytes(operation, type.Type, Wire.Options);
        var request = new HttpRequestMessage(HttpMethod.Post, "ops/" + type.Name);
        long length;
        if (type.CarriesFile)
        {
            // The file streams from where it is (memory holds a buffer of it, not the file); the
            // record, with the file as its length, goes in a header.
            var file = type.FileOf(operation);
            length = file.Length;
            request.Content = new StreamContent(file.OpenRead(), 81_920);
            request.Content.Headers.ContentType = FileType;
            request.Content.Headers.ContentLength = length;
            request.Headers.Add(Wire.OperationHeader, Base64Url.EncodeToString(json));
        }
        else
        {
            length = json.Length;
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = JsonType;
        }

        // "Expect: 100-continue" on a large body: one over the service's limit is refused before it
        // is sent, so the answer is a clear 413 rather than a connection closed mid-upload. A small
        // body (every query) goes at once: waiting for the 100 would cost a round trip each time.
        request.Headers.ExpectContinue = length > ExpectContinueAbove;
        return Send<TResult>(request);
    }

    /// <summary>
    /// Long-poll: answers the change counter as soon as it is above <paramref name="since"/>, or
    /// the same value after the service's wait (about 25 seconds) when nothing changed.
    /// </summary>
    public async Task<long> WaitForChangeAsync(long since, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "changes?since=" + since.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Problem(response);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync<long>(stream, Wire.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e, _socketPath);
        }
    }

    public void Dispose() => _http.Dispose();

    private const string NoSocket = "api.nosocket";

    /// <summary>The smallest admin-API limits are 1 MiB: bodies above 64 KiB ask first.</summary>
    private const int ExpectContinueAbove = 64 * 1024;

    private TResult Send<TResult>(HttpRequestMessage request) => Send<TResult>(_http, _socketPath, request);

    private static TResult Send<TResult>(HttpClient http, string socketPath, HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                using var response = http.Send(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw Problem(response);
                }

                using var stream = response.Content.ReadAsStream();
                if (typeof(TResult) == typeof(byte[]) && response.Content.Headers.ContentType?.MediaType == Wire.FileContentType)
                {
                    // A file (an export) comes back as its own bytes.
                    using var file = new MemoryStream();
                    stream.CopyTo(file);
                    return (TResult)(object)file.ToArray();
                }

                return JsonSerializer.Deserialize<TResult>(stream, Wire.Options)!;
            }
            catch (HttpRequestException e)
            {
                throw Unreachable(e, socketPath);
            }
        }
    }

    private static OpsException Problem(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType == Wire.ProblemContentType)
        {
            using var stream = response.Content.ReadAsStream();
            if (JsonSerializer.Deserialize<WireProblem>(stream, Wire.Options) is { } problem)
            {
                return problem.ToException();
            }
        }

        return new OpsException(ExitCode.InternalError, "api.http", (int)response.StatusCode, response.ReasonPhrase);
    }

    private static OpsException Unreachable(HttpRequestException e, string socketPath) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.AccessDenied }
            ? new OpsException(ExitCode.NotPermitted, "api.socketdenied", socketPath)
            : new OpsException(ExitCode.Locked, NoSocket, socketPath);
}
