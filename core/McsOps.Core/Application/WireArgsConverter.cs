using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace McsOps.Core.Application;

/// <summary>
/// The arguments of a message (<see cref="OpsException.Args"/>, <see cref="LocalizedReason.Args"/>),
/// typed well enough that the client formats them exactly as the service would: strings, numbers
/// and booleans as themselves, <c>{"date":…}</c>, <c>{"instant":…}</c>, <c>{"reason":{key,args}}</c>
/// for a nested message; anything else as its invariant text.
/// </summary>
public sealed class WireArgsConverter : JsonConverter<object?[]>
{
    public override object?[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("message arguments are an array");
        }

        var args = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            args.Add(ReadArg(ref reader, options));
        }

        return [.. args];
    }

    public override void Write(Utf8JsonWriter writer, object?[] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var arg in value)
        {
            WriteArg(writer, arg, options);
        }

        writer.WriteEndArray();
    }

    private static object? ReadArg(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True or JsonTokenType.False:
                return reader.GetBoolean();
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var i) ? i : reader.TryGetInt64(out var l) ? l : reader.GetDecimal();
            case JsonTokenType.StartObject:
                reader.Read();
                var tag = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                reader.Read();
                object? value = tag switch
                {
                    "date" => DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "instant" => reader.GetDateTimeOffset(),
                    "reason" => JsonSerializer.Deserialize<LocalizedReason>(ref reader, options),
                    _ => throw new JsonException($"unknown message argument '{tag}'"),
                };
                if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                {
                    throw new JsonException("a tagged message argument has one property");
                }

                return value;
            default:
                throw new JsonException($"unexpected {reader.TokenType} in message arguments");
        }
    }

    private static void WriteArg(Utf8JsonWriter writer, object? arg, JsonSerializerOptions options)
    {
        switch (arg)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or short or byte or uint or ushort:
                writer.WriteNumberValue(Convert.ToInt64(arg, CultureInfo.InvariantCulture));
                break;
            case decimal or double or float:
                writer.WriteNumberValue(Convert.ToDecimal(arg, CultureInfo.InvariantCulture));
                break;
            case DateOnly d:
                writer.WriteStartObject();
                writer.WriteString("date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                break;
            case DateTimeOffset t:
                writer.WriteStartObject();
                writer.WriteString("instant", t);
                writer.WriteEndObject();
                break;
            case LocalizedReason r:
                writer.WriteStartObject();
                writer.WritePropertyName("reason");
                JsonSerializer.Serialize(writer, r, options);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(arg, CultureInfo.InvariantCulture));
                break;
        }
    }
}
