using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core.Application;

/// <summary>
/// Runs operations: finds the handler of the record's type, and runs it in one write transaction
/// with the caller as the actor (a query in one read transaction; an operation with an
/// <see cref="IStoreHandler{TOperation,TResult}"/> shapes its own). Every front end goes through here.
/// </summary>
public sealed class Ops(IStore store, PolicySettings policy, TimeProvider time)
{
    private static readonly ConcurrentDictionary<Type, Handler> Handlers = new();

    public IStore Store { get; } = store;

    public PolicySettings Policy { get; } = policy;

    public TimeProvider Time { get; } = time;

    /// <summary>Where this process takes and checks backups (the backup operations refuse without it).</summary>
    public BackupPlace? Backup { get; init; }

    public TResult Execute<TResult>(IOperation<TResult> operation, Actor actor) => (TResult)Run(operation, actor)!;

    /// <summary>Runs an operation whose type is known only at run time (the admin API reads it off the wire).</summary>
    public object? Run(object operation, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(actor);
        var handler = Handlers.GetOrAdd(operation.GetType(), Resolve);
        if (handler.OwnsTransactions)
        {
            return handler.Invoke(operation, this, actor);
        }

        if (OperationType.Of(operation.GetType()).IsQuery)
        {
            return Store.Read(session => handler.Invoke(operation, Context(session, actor)));
        }

        return Store.Write(session =>
        {
            var result = handler.Invoke(operation, Context(session, actor));
            ReviewGuard.CloseUnreviewable(session, actor);
            return result;
        });
    }

    private OperationContext Context(IStoreSession session, Actor actor) => new(session, actor, Policy, Time.GetUtcNow());

    private static Handler Resolve(Type operationType)
    {
        foreach (var type in typeof(Ops).Assembly.GetTypes())
        {
            var contract = type.GetInterfaces().FirstOrDefault(i =>
                i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IHandler<,>) || i.GetGenericTypeDefinition() == typeof(IStoreHandler<,>))
                && i.GetGenericArguments()[0] == operationType);
            if (contract is not null)
            {
                return new Handler(
                    Activator.CreateInstance(type, nonPublic: true)!,
                    contract.GetMethod(nameof(IHandler<IOperation<object>, object>.Handle))!,
                    contract.GetGenericTypeDefinition() == typeof(IStoreHandler<,>));
            }
        }

        throw new InvalidOperationException($"no handler for {operationType.Name}");
    }

    private sealed record Handler(object Instance, MethodInfo Method, bool OwnsTransactions)
    {
        public object? Invoke(params object[] args)
        {
            try
            {
                return Method.Invoke(Instance, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
