using System.Text.Json;
using System.Text.Json.Serialization;

namespace McsOps.Core.Application;

/// <summary>Every <see cref="ICode{TSelf}"/> (<c>StaffCode</c>, <c>GroupCode</c> …) as its text, checked on the way in.</summary>
public sealed class WireCodeConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsValueType && typeToConvert.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICode<>) && i.GetGenericArguments()[0] == typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(CodeConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class CodeConverter<T> : JsonConverter<T> where T : struct, ICode<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Code.TryParse<T>(reader.GetString(), out var code)
                ? code
                : throw new JsonException($"not a valid {typeof(T).Name}");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
