using System.Text.RegularExpressions;
using k8s;
using YamlDotNet.RepresentationModel;

namespace Marketplace.DeploymentTests;

/// <summary>
/// A kustomize overlay rendered offline with <c>kubectl kustomize</c>. Every object of a kind Kubernetes
/// itself defines is read strictly into the client library's typed model (an unknown or misplaced
/// field fails, a value of the wrong type fails); custom resources (KEDA, Dapr, CloudNativePG, the
/// RabbitMQ operator) stay YAML and are checked by the rules.
/// </summary>
internal static class KustomizeOverlay
{
    public static readonly string[] Names = ["dev", "production", "dapr"];

    /// <summary>The custom resources the overlays use; everything else must be a Kubernetes kind.</summary>
    public static readonly HashSet<string> CustomResources =
    [
        "keda.sh/v1alpha1/ScaledObject",
        "keda.sh/v1alpha1/TriggerAuthentication",
        "dapr.io/v1alpha1/Component",
        "dapr.io/v1alpha1/Configuration",
        "postgresql.cnpg.io/v1/Cluster",
        "postgresql.cnpg.io/v1/Database",
        "rabbitmq.com/v1beta1/RabbitmqCluster",
    ];

    private static readonly Dictionary<string, Task<IReadOnlyList<RenderedObject>>> Rendered = [];

    public static Task<IReadOnlyList<RenderedObject>> RenderAsync(string overlay)
    {
        lock (Rendered)
        {
            if (!Rendered.TryGetValue(overlay, out var rendering))
            {
                rendering = RenderUncachedAsync(overlay);
                Rendered[overlay] = rendering;
            }
            return rendering;
        }
    }

    private static async Task<IReadOnlyList<RenderedObject>> RenderUncachedAsync(string overlay)
    {
        var yaml = await CommandLine.RunAsync("kubectl", RepositoryHosts.Root, "kustomize", $"k8s/overlays/{overlay}");
        var objects = new List<RenderedObject>();
        foreach (var text in Regex.Split(yaml, @"^---[ \t]*$", RegexOptions.Multiline).Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var untyped = new RenderedObject("", "", "", null, (YamlMappingNode)stream.Documents.Single().RootNode, null);
            var apiVersion = untyped.Scalar("apiVersion") ?? "";
            var kind = untyped.Scalar("kind") ?? "";
            var name = untyped.Scalar("metadata", "name") ?? "";
            var ns = untyped.Scalar("metadata", "namespace");
            var root = untyped.Yaml;
            object? typed = null;
            if (!CustomResources.Contains($"{apiVersion}/{kind}"))
            {
                try
                {
                    typed = KubernetesYaml.LoadAllFromString(text, strict: true).Single();
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException($"{overlay}: {kind} {name} does not match the Kubernetes schema of {apiVersion}/{kind}: {ex.Message}", ex);
                }
            }
            objects.Add(new RenderedObject(apiVersion, kind, name, ns, root, typed));
        }
        return objects;
    }
}
