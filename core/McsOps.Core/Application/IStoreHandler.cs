namespace McsOps.Core.Application;

/// <summary>
/// Runs one kind of operation that shapes its own transactions: an import (checks and writes in
/// one), a sweep (batches), an export (a read, then its audit entry). It gets the store rather
/// than a session; everything else about it is an ordinary operation.
/// </summary>
public interface IStoreHandler<in TOperation, out TResult> where TOperation : IOperation<TResult>
{
    TResult Handle(TOperation operation, Ops ops, Actor actor);
}
