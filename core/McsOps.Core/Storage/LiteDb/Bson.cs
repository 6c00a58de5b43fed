using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// How values are written to documents. Dates are <c>yyyyMMdd</c> integers (sortable, indexable,
/// readable); instants are UTC Unix milliseconds (LiteDB would drop a DateTimeOffset's offset);
/// enums are their tokens, so reordering an enum never changes stored data.
/// </summary>
internal static class Bson
{
    public static BsonValue Date(DateOnly? d) => d is { } v ? new BsonValue((v.Year * 10000) + (v.Month * 100) + v.Day) : BsonValue.Null;

    public static DateOnly? Date(BsonValue v) =>
        v.IsNull ? null : new DateOnly(v.AsInt32 / 10000, v.AsInt32 / 100 % 100, v.AsInt32 % 100);

    /// <summary>
    /// Drops null fields (and those of documents nested in arrays): a missing field reads back as
    /// null, and smaller documents mean fewer pages to encrypt and write.
    /// </summary>
    public static BsonDocument Compact(BsonDocument doc)
    {
        List<string>? nulls = null;
        foreach (var (key, value) in doc)
        {
            if (value.IsNull)
            {
                (nulls ??= []).Add(key);
            }
            else if (value.IsDocument)
            {
                Compact(value.AsDocument);
            }
            else if (value.IsArray)
            {
                foreach (var item in value.AsArray)
                {
                    if (item.IsDocument)
                    {
                        Compact(item.AsDocument);
                    }
                }
            }
        }

        if (nulls is not null)
        {
            foreach (var key in nulls)
            {
                doc.Remove(key);
            }
        }

        return doc;
    }

    /// <summary>
    /// <c>field = value</c>, as an expression whose text does not change with the value, so that
    /// LiteDB parses and compiles it once. (<c>Query.EQ</c> and its kin compiled a new delegate
    /// on every call: ~4 ms each, measured in a profile of the sweep.)
    /// </summary>
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    /// <summary><c>from ≤ field ≤ to</c>, compiled once per field (see <see cref="Eq"/>).</summary>
    public static BsonExpression Between(string field, BsonValue from, BsonValue to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    /// <summary><c>field IN values</c>: one query, an index seek per value, compiled once (see <see cref="Eq"/>).</summary>
    public static BsonExpression In(string field, BsonArray values) => BsonExpression.Create($"$.{field} IN @0", values);

    /// <summary>The stored form of a date, for index range queries.</summary>
    public static int DateKey(DateOnly d) => (d.Year * 10000) + (d.Month * 100) + d.Day;

    public static BsonValue Instant(DateTimeOffset? t) => t is { } v ? new BsonValue(v.ToUnixTimeMilliseconds()) : BsonValue.Null;

    public static DateTimeOffset? Instant(BsonValue v) => v.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(v.AsInt64);

    public static BsonValue Str(string? s) => s is null ? BsonValue.Null : new BsonValue(s);

    public static string? Str(BsonValue v) => v.IsNull ? null : v.AsString;

    public static BsonValue Code<T>(T? code) where T : struct, ICode<T> => code is { } c ? new BsonValue(c.Value) : BsonValue.Null;

    public static T? Code<T>(BsonValue v) where T : struct, ICode<T> => v.IsNull ? null : T.Create(v.AsString);

    // Stored codes were validated on the way in.
    public static T CodeOf<T>(BsonValue v) where T : struct, ICode<T> => T.Create(v.AsString);

    public static BsonValue Enum<T>(T value) where T : struct, System.Enum => new(Tokens.Format(value));

    public static BsonValue Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? Enum(v) : BsonValue.Null;

    public static T EnumOf<T>(BsonValue v) where T : struct, System.Enum =>
        Tokens.TryParse<T>(v.AsString, out var e) ? e : throw new InvalidDataException($"stored {typeof(T).Name} '{v.AsString}' is unknown");

    public static T? EnumOrNull<T>(BsonValue v) where T : struct, System.Enum => v.IsNull ? null : EnumOf<T>(v);
}
