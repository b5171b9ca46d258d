using YamlDotNet.RepresentationModel;

namespace Marketplace.DeploymentTests;

/// <summary>One object of a rendered overlay: its identity, its YAML, and the typed model when Kubernetes defines the kind.</summary>
internal sealed record RenderedObject(string ApiVersion, string Kind, string Name, string? Namespace, YamlMappingNode Yaml, object? Typed)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name}";

    public T As<T>() => Typed is T typed ? typed : throw new InvalidOperationException($"{this} is not a {typeof(T).Name}.");

    /// <summary>A scalar at a path of mapping keys, or null when a key is missing.</summary>
    public string? Scalar(params string[] path) => Node(path) is YamlScalarNode scalar ? scalar.Value : null;

    public YamlNode? Node(params string[] path)
    {
        YamlNode node = Yaml;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }
            node = child;
        }
        return node;
    }
}
