using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace McsOps.Core;

/// <summary>Parses and formats enum members by their <see cref="TokenAttribute"/>.</summary>
public static class Tokens
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<string, object> Parse, Dictionary<object, string> Format)> Maps = new();

    public static string Format<T>(T value) where T : struct, Enum => Map<T>().Format[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var map = Map<T>().Parse;
        if (map.TryGetValue(text, out var found)
            || map.TryGetValue(text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant(), out found))
        {
            value = (T)found;
            return true;
        }

        return false;
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => Format(v)).ToList();

    private static (Dictionary<string, object> Parse, Dictionary<object, string> Format) Map<T>() where T : struct, Enum =>
        Maps.GetOrAdd(typeof(T), static type =>
        {
            var parse = new Dictionary<string, object>(StringComparer.Ordinal);
            var format = new Dictionary<object, string>();
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var attr = field.GetCustomAttribute<TokenAttribute>()
                    ?? throw new InvalidOperationException($"{type.Name}.{field.Name} has no [Token]");
                var value = field.GetValue(null)!;
                format[value] = attr.Token;
                foreach (var word in attr.Aliases.Prepend(attr.Token))
                {
                    parse[word.Normalize(NormalizationForm.FormKC).ToLowerInvariant()] = value;
                }
            }

            return (parse, format);
        });
}
