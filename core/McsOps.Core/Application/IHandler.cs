namespace McsOps.Core.Application;

/// <summary>Runs one kind of operation inside its transaction.</summary>
public interface IHandler<in TOperation, out TResult> where TOperation : IOperation<TResult>
{
    TResult Handle(TOperation operation, OperationContext context);
}
