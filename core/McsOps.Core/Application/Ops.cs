using System.Collections.Concurrent;
using System.Reflection;
using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core.Application;

/// <summary>
/// Runs operations: finds the handler of the record's type, and runs it in one write transaction
/// with the caller as the actor (a query in one read transaction). Every front end goes through here.
/// </summary>
public sealed class Ops(IStore store, PolicySettings policy, TimeProvider time)
{
    private static readonly ConcurrentDictionary<Type, Func<object, OperationContext, object?>> Handlers = new();

    public IStore Store { get; } = store;

    public PolicySettings Policy { get; } = policy;

    public TimeProvider Time { get; } = time;

    public TResult Execute<TResult>(IOperation<TResult> operation, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(actor);
        var handler = Handlers.GetOrAdd(operation.GetType(), Resolve);
        if (operation is IQuery<TResult>)
        {
            return Store.Read(session => (TResult)handler(operation, new OperationContext(session, actor, Policy, Time.GetUtcNow()))!);
        }

        return Store.Write(session =>
        {
            var result = (TResult)handler(operation, new OperationContext(session, actor, Policy, Time.GetUtcNow()))!;
            ReviewGuard.CloseUnreviewable(session, actor);
            return result;
        });
    }

    private static Func<object, OperationContext, object?> Resolve(Type operationType)
    {
        foreach (var type in typeof(Ops).Assembly.GetTypes())
        {
            var contract = type.GetInterfaces().FirstOrDefault(i =>
                i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHandler<,>) && i.GetGenericArguments()[0] == operationType);
            if (contract is not null)
            {
                var instance = Activator.CreateInstance(type, nonPublic: true)!;
                var method = contract.GetMethod(nameof(IHandler<IOperation<object>, object>.Handle))!;
                return (op, ctx) =>
                {
                    try
                    {
                        return method.Invoke(instance, [op, ctx]);
                    }
                    catch (TargetInvocationException e) when (e.InnerException is not null)
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                        throw;
                    }
                };
            }
        }

        throw new InvalidOperationException($"no handler for {operationType.Name}");
    }
}
