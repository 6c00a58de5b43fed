using System.Text.Json;
using System.Text.Json.Serialization;

namespace McsOps.Core.Application;

/// <summary>
/// Every enum whose members carry a <see cref="TokenAttribute"/> as its token (<c>"active"</c>);
/// a flags enum as the array of its set members' tokens (<c>["admin","auditor"]</c>, none: <c>[]</c>).
/// </summary>
public sealed class WireEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .All(f => f.IsDefined(typeof(TokenAttribute), inherit: false));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(TokenConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class TokenConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false);

        private static readonly T[] Bits = [.. Enum.GetValues<T>().Where(v => ulong.PopCount(Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture)) == 1)];

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (!IsFlags)
            {
                return reader.TokenType == JsonTokenType.String && Tokens.TryParse<T>(reader.GetString(), out var value)
                    ? value
                    : throw new JsonException($"not a {typeof(T).Name}: expected one of {string.Join(", ", Tokens.All<T>())}");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"{typeof(T).Name} is an array of tokens");
            }

            ulong bits = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String || !Tokens.TryParse<T>(reader.GetString(), out var flag))
                {
                    throw new JsonException($"not a {typeof(T).Name}: expected some of {string.Join(", ", Tokens.All<T>())}");
                }

                bits |= Convert.ToUInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
            }

            return (T)Enum.ToObject(typeof(T), bits);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (!IsFlags)
            {
                writer.WriteStringValue(Tokens.Format(value));
                return;
            }

            writer.WriteStartArray();
            foreach (var bit in Bits.Where(b => value.HasFlag(b)))
            {
                writer.WriteStringValue(Tokens.Format(bit));
            }

            writer.WriteEndArray();
        }
    }
}
