namespace McsOps.Core.Application;

/// <summary>
/// One operation or query record of core, as a transport sees it: the name it is sent under
/// (<c>POST /ops/{name}</c>), its result type, and whether the read-only auditor may run it.
/// <see cref="ByName"/> holds every <see cref="IOperation{TResult}"/> in core: client and service
/// share this registry, so nothing is listed by hand.
/// </summary>
public sealed record OperationType(string Name, Type Type, Type Result, bool IsQuery, bool AllowsReadOnly)
{
    private static readonly Dictionary<Type, OperationType> ByType = typeof(Ops).Assembly.GetTypes()
        .Select(Describe)
        .OfType<OperationType>()
        .ToDictionary(o => o.Type);

    public static IReadOnlyDictionary<string, OperationType> ByName { get; } =
        ByType.Values.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public static OperationType Of(Type type) =>
        ByType.TryGetValue(type, out var found) ? found : throw new ArgumentException($"{type.Name} is not an operation of core", nameof(type));

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
        return new OperationType(type.Name, type, operation.GetGenericArguments()[0], isQuery, isQuery || auditedRead);
    }
}
