using System.Reflection;

namespace McsOps.Core.Application;

/// <summary>
/// One operation or query record of core, as a transport sees it: the name it is sent under
/// (<c>POST /ops/{name}</c>), its result type, whether the read-only auditor may run it, and the
/// property holding the file it carries (<see cref="FileContent"/>; at most one), if any.
/// <see cref="ByName"/> holds every <see cref="IOperation{TResult}"/> in core: client and service
/// share this registry, so nothing is listed by hand.
/// </summary>
public sealed record OperationType(string Name, Type Type, Type Result, bool IsQuery, bool AllowsReadOnly, PropertyInfo? File = null)
{
    private static readonly MethodInfo ShallowCopy = typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private static readonly Dictionary<Type, OperationType> ByType = typeof(Ops).Assembly.GetTypes()
        .Select(Describe)
        .OfType<OperationType>()
        .ToDictionary(o => o.Type);

    public static IReadOnlyDictionary<string, OperationType> ByName { get; } =
        ByType.Values.ToDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>True when the operation carries a file: its bytes travel as the request body, the rest as JSON beside them.</summary>
    public bool CarriesFile => File is not null;

    public static OperationType Of(Type type) =>
        ByType.TryGetValue(type, out var found) ? found : throw new ArgumentException($"{type.Name} is not an operation of core", nameof(type));

    /// <summary>The file <paramref name="operation"/> carries (<see cref="CarriesFile"/> must be true).</summary>
    public FileContent FileOf(object operation) =>
        (FileContent)(File ?? throw new InvalidOperationException($"{Name} carries no file")).GetValue(operation)!;

    /// <summary>
    /// A copy of <paramref name="operation"/> that carries <paramref name="content"/> instead (what
    /// <c>operation with { Content = content }</c> does, for a type known at run time): the service
    /// gives the handler its own copy of the bytes the client streamed.
    /// </summary>
    public object WithFile(object operation, FileContent content)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(content);
        var file = File ?? throw new InvalidOperationException($"{Name} carries no file");
        var copy = ShallowCopy.Invoke(operation, null)!;
        file.SetValue(copy, content);
        return copy;
    }

    private static OperationType? Describe(Type type)
    {
        if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
        {
            return null;
        }

        var interfaces = type.GetInterfaces().Where(i => i.IsGenericType).ToList();
        var operation = interfaces.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IOperation<>));
        if (operation is null)
        {
            return null;
        }

        var isQuery = interfaces.Any(i => i.GetGenericTypeDefinition() == typeof(IQuery<>));
        var auditedRead = interfaces.Any(i => i.GetGenericTypeDefinition() == typeof(IAuditedRead<>));
        var files = type.GetProperties().Where(p => p.PropertyType == typeof(FileContent)).ToList();
        if (files.Count > 1 || files.Any(p => !p.CanWrite))
        {
            throw new InvalidOperationException($"{type.Name}: an operation carries at most one file, in a positional (init) property");
        }

        return new OperationType(type.Name, type, operation.GetGenericArguments()[0], isQuery, isQuery || auditedRead, files.SingleOrDefault());
    }
}
