namespace Marketplace.ServiceDefaults.Data;

/// <summary>The DbContext types registered in this process, so migrations can be applied to each.</summary>
public sealed class ServiceDatabases
{
    private readonly List<Type> _contexts = [];

    public IReadOnlyList<Type> Contexts => _contexts;

    internal void Add(Type contextType)
    {
        if (!_contexts.Contains(contextType))
        {
            _contexts.Add(contextType);
        }
    }
}
