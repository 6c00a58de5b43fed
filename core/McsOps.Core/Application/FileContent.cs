namespace McsOps.Core.Application;

/// <summary>
/// The bytes of the one file an operation carries (an import's CSV, a backup to verify), which its
/// handler reads as a stream: a file on this machine, or bytes made in this process (tests, small
/// content). They never travel inside the operation's JSON, where the file is only its length
/// (<c>{"length":N}</c>): <see cref="RemoteOpsClient"/> streams them as the request body, the
/// service copies them into a private file of its own and gives the handler that copy
/// (<see cref="OperationType.WithFile"/>). What the JSON holds is <see cref="Announced"/>: a
/// length and no source, so no client can make the service open a path.
/// </summary>
public sealed class FileContent
{
    private readonly byte[]? _bytes;

    private FileContent(string? path, byte[]? bytes, long length)
    {
        Path = path;
        _bytes = bytes;
        Length = length;
    }

    /// <summary>How many bytes there are (for a file: when this was made).</summary>
    public long Length { get; }

    /// <summary>The file that holds the bytes, when a file does (a backup is checked by opening its path).</summary>
    internal string? Path { get; }

    /// <summary>The file at <paramref name="path"/>, read when the operation runs (throws <see cref="FileNotFoundException"/> when there is none).</summary>
    public static FileContent OfFile(string path) => new(System.IO.Path.GetFullPath(path), null, new FileInfo(path).Length);

    public static FileContent FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new FileContent(null, bytes, bytes.Length);
    }

    public static implicit operator FileContent(byte[] bytes) => FromBytes(bytes);

    /// <summary>What the operation's JSON says: <paramref name="length"/> bytes, to be received.</summary>
    internal static FileContent Announced(long length) => new(null, null, length);

    /// <summary>A stream of the bytes; the caller disposes it.</summary>
    public Stream OpenRead() =>
        _bytes is not null ? new MemoryStream(_bytes, writable: false)
        : Path is not null ? new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.SequentialScan)
        : throw NotReceived();

    /// <summary>All the bytes at once (the CSV decoder wants them whole).</summary>
    internal byte[] ReadAllBytes() =>
        _bytes ?? (Path is not null ? File.ReadAllBytes(Path) : throw NotReceived());

    private static InvalidOperationException NotReceived() => new("the file's bytes have not been received");
}
