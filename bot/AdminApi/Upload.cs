using System.Security.Cryptography;
using McsOps.Core;
using McsOps.Core.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace McsOps.Bot.AdminApi;

/// <summary>
/// The file of an operation that carries one, received from the request body into a file of the
/// service's own: <c>&lt;data dir&gt;/uploads/</c> (0700), a random name, mode 0600, at most
/// <c>AdminApi:MaxUploadMegabytes</c>, exactly the length the operation announced. The handler
/// reads that copy; disposing deletes it. A body that is cut short (the client went away), too long
/// or over the limit deletes what was written and is refused; whatever a killed service left is
/// deleted at the next start (<see cref="Clear"/>).
/// </summary>
internal sealed class Upload : IDisposable
{
    private const int BufferBytes = 81_920;

    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private Upload(string path) => Path = path;

    public string Path { get; }

    private static string DirectoryOf(Settings settings) => System.IO.Path.Combine(settings.DataDirectory, "uploads");

    /// <summary>
    /// Copies the body into a new file. Refused before a byte is written when the announced length or
    /// the Content-Length is over the limit (413 <c>api.uploadtoolarge</c>) or the two disagree.
    /// </summary>
    public static async Task<Upload> ReceiveAsync(HttpContext http, string operation, long announced, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        var limit = settings.MaxUploadBytes;
        if (announced > limit || http.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (http.Request.ContentLength is { } sent && sent != announced)
        {
            throw new OpsException(ExitCode.BadArguments, "api.badrequest", operation, $"the body has {sent} bytes, the operation announces {announced}");
        }

        // Kestrel's own limit (30 MB unless told) would cut a large file; the loop below stops at the announced length anyway.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var directory = DirectoryOf(settings);
        Directory.CreateDirectory(directory, Owner | UnixFileMode.UserExecute);
        var path = System.IO.Path.Combine(directory, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, UnixCreateMode = Owner, BufferSize = 0 };
            await using (var file = new FileStream(path, options))
            {
                var received = await CopyAsync(http, file, operation, announced, limit);
                if (received != announced)
                {
                    throw new OpsException(ExitCode.BadArguments, "api.incomplete", received, announced);
                }
            }

            return new Upload(path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Deletes the files a killed service left (called at start, once the database lock is held).</summary>
    public static int Clear(Settings settings)
    {
        var directory = DirectoryOf(settings);
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var files = Directory.GetFiles(directory);
        foreach (var file in files)
        {
            File.Delete(file);
        }

        return files.Length;
    }

    public void Dispose() => File.Delete(Path);

    /// <summary>The body into <paramref name="file"/>; a failure to read it is the client's (cut short, too long), a failure to write it is ours.</summary>
    private static async Task<long> CopyAsync(HttpContext http, FileStream file, string operation, long announced, long limit)
    {
        var buffer = new byte[BufferBytes];
        long received = 0;
        while (true)
        {
            int read;
            try
            {
                read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge(limit);
            }
            catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
            {
                throw new OpsException(ExitCode.BadArguments, "api.incomplete", received, announced);
            }

            if (read == 0)
            {
                return received;
            }

            received += read;
            if (received > announced)
            {
                throw new OpsException(ExitCode.BadArguments, "api.badrequest", operation, $"the body has more than the {announced} bytes the operation announces");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
        }
    }

    private static OpsException TooLarge(long limit) => new(ExitCode.BadArguments, "api.uploadtoolarge", limit / (1024 * 1024));
}
