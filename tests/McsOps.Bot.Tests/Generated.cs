using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace McsOps.Bot.Tests;

/// <summary>What the generated bad-input tests share: how many cases each surface gets, any text FsCheck makes (never null), any JSON.</summary>
internal static class Generated
{
    /// <summary>Cases per surface (issue 8: at least 10,000).</summary>
    public const int Cases = 10_000;

    public static Gen<string> Text() => ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);

    /// <summary>JSON of any shape, to a depth that may exceed what a parser accepts.</summary>
    public static Gen<JsonNode?> AnyJson(int depth) => depth <= 0
        ? Gen.OneOf(Text().Select(s => (JsonNode?)JsonValue.Create(s)), Gen.Choose(-5, 5).Select(i => (JsonNode?)JsonValue.Create(i)), Gen.Constant<JsonNode?>(null), Gen.Constant<JsonNode?>(JsonValue.Create(true)))
        : Gen.OneOf(
            AnyJson(0),
            AnyJson(depth - 1).ArrayOf().Select(a => (JsonNode?)new JsonArray([.. a.Take(3).Select(n => n?.DeepClone())])),
            Gen.Zip(Text(), AnyJson(depth - 1)).ArrayOf().Select(a =>
            {
                var o = new JsonObject();
                foreach (var (k, v) in a.Take(3))
                {
                    o[k] = v?.DeepClone();
                }

                return (JsonNode?)o;
            }));

    /// <summary>A body that is not what the surface expects: any JSON, arrays or objects nested past <paramref name="minDepth"/>, or not JSON at all.</summary>
    public static Gen<string> OtherJson(int minDepth) => Gen.Frequency(
        (2, AnyJson(4).Select(n => n?.ToJsonString() ?? "null")),
        (1, Gen.Choose(minDepth, 300).Select(d => new string('[', d) + new string(']', d))),
        (1, Gen.Choose(minDepth, 200).Select(d => string.Concat(Enumerable.Repeat("{\"a\":", d)) + "1" + new string('}', d))),
        (1, Text()));
}
