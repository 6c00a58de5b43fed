namespace McsOps.Core;

/// <summary>A stable, human-typed code (<c>S-0012</c>, <c>P-0042</c>) of one kind of entity.</summary>
public interface ICode<TSelf> where TSelf : struct, ICode<TSelf>
{
    string Value { get; }

    /// <summary>Wraps a value that <see cref="Code"/> has already normalised and validated.</summary>
    static abstract TSelf Create(string normalized);
}
