using System.Text.Json;
using System.Text.Json.Serialization;

namespace McsOps.Core.Application;

/// <summary>
/// A <see cref="FileContent"/> as <c>{"length":N}</c>: the bytes travel beside the JSON, never in
/// it. Read back, it is a length to be received, whatever else the sender wrote: anything but that
/// one non-negative whole number (a path, base64 bytes, another field) is refused.
/// </summary>
public sealed class WireFileConverter : JsonConverter<FileContent>
{
    private const string LengthName = "length";

    public override FileContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a file is {\"length\":N}; its bytes travel as the request body");
        }

        long? length = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(LengthName) || length is not null)
            {
                throw new JsonException("a file has only its length");
            }

            reader.Read();
            length = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) && n >= 0
                ? n
                : throw new JsonException("a file's length is a whole number of bytes");
        }

        return FileContent.Announced(length ?? throw new JsonException("a file needs its length"));
    }

    public override void Write(Utf8JsonWriter writer, FileContent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber(LengthName, value.Length);
        writer.WriteEndObject();
    }
}
