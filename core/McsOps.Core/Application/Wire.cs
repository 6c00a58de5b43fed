using System.Text.Json;
using System.Text.Json.Serialization;

namespace McsOps.Core.Application;

/// <summary>
/// The admin API's JSON, shared by the service and <see cref="RemoteOpsClient"/>: camelCase
/// properties, codes as their text, enums as their <see cref="TokenAttribute"/> words, dates as
/// ISO 8601. Strict on input: a missing required value, a null where none is allowed or an
/// unknown property is an error, not a default. An operation that carries a file
/// (<see cref="FileContent"/>) is sent as the file's bytes (<see cref="FileContentType"/>) with its
/// JSON, base64url, in <see cref="OperationHeader"/>.
/// </summary>
public static class Wire
{
    /// <summary>The header a client sends to say whether it is the TUI or the command line (the channel, not who it is).</summary>
    public const string ChannelHeader = "X-McsOps-Channel";

    public const string ProblemContentType = "application/problem+json";

    /// <summary>The body of an operation that carries a file: the file's bytes, nothing else.</summary>
    public const string FileContentType = "application/octet-stream";

    /// <summary>Beside a file's bytes: the operation's JSON (UTF-8, base64url, as header values are ASCII), the file in it only as its length.</summary>
    public const string OperationHeader = "X-McsOps-Operation";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            IgnoreReadOnlyProperties = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            Converters = { new WireCodeConverter(), new WireEnumConverter(), new WireArgsConverter(), new WireFileConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
