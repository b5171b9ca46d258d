using k8s.Models;

namespace Marketplace.DeploymentTests;

/// <summary>A pod as the network policies see it: its namespace and its labels.</summary>
internal sealed record PodAddress(string Namespace, IDictionary<string, string> Labels)
{
    public override string ToString() => $"{Namespace}/{string.Join(',', Labels.Select(l => $"{l.Key}={l.Value}"))}";
}

/// <summary>
/// Whether the rendered NetworkPolicies let one pod open a TCP connection to another on a port: the
/// source's namespace must allow it out (egress) and the destination's namespace must let it in
/// (ingress). A pod no policy of a type selects is open in that direction, as in Kubernetes.
/// </summary>
internal static class NetworkReach
{
    public static bool Allows(IEnumerable<RenderedObject> objects, PodAddress from, PodAddress to, int port)
    {
        var policies = objects.Where(o => o.Kind == "NetworkPolicy").Select(o => (o.Namespace, Spec: o.As<V1NetworkPolicy>().Spec)).ToList();
        var egress = policies.Where(p => p.Namespace == from.Namespace && p.Spec.PolicyTypes.Contains("Egress") && Selects(p.Spec.PodSelector, from.Labels)).ToList();
        var ingress = policies.Where(p => p.Namespace == to.Namespace && p.Spec.PolicyTypes.Contains("Ingress") && Selects(p.Spec.PodSelector, to.Labels)).ToList();
        var leaves = egress.Count == 0 || egress.SelectMany(p => p.Spec.Egress ?? [])
            .Any(r => Opens(r.Ports, port) && ((r.To?.Count ?? 0) == 0 || r.To!.Any(peer => IsPeer(peer, from.Namespace, to))));
        var enters = ingress.Count == 0 || ingress.SelectMany(p => p.Spec.Ingress ?? [])
            .Any(r => Opens(r.Ports, port) && ((r.FromProperty?.Count ?? 0) == 0 || r.FromProperty!.Any(peer => IsPeer(peer, to.Namespace, from))));
        return leaves && enters;
    }

    /// <summary>The pods of a Deployment, StatefulSet or Job: its namespace and its pod template's labels.</summary>
    public static PodAddress PodOf(IEnumerable<RenderedObject> objects, string kind, string name)
    {
        var o = Assert.Single(objects, o => o.Kind == kind && o.Name == name);
        var template = o.Typed switch
        {
            V1Deployment d => d.Spec.Template,
            V1StatefulSet s => s.Spec.Template,
            V1Job j => j.Spec.Template,
            _ => throw new InvalidOperationException($"{o} has no pod template"),
        };
        return new PodAddress(o.Namespace!, template.Metadata.Labels);
    }

    /// <summary>
    /// The pods behind a data host name of the marketplace-data ConfigMap: a Service of the namespace
    /// (its selector), or <c>name.namespace.svc</c> elsewhere, whose pods' labels the operator chooses.
    /// </summary>
    public static PodAddress DataServer(IEnumerable<RenderedObject> objects, string host)
    {
        var parts = host.Split('.');
        if (parts.Length == 1)
        {
            var service = Assert.Single(objects, o => o.Kind == "Service" && o.Name == host).As<V1Service>();
            return new PodAddress(service.Metadata.NamespaceProperty, service.Spec.Selector);
        }
        return new PodAddress(parts[1], new Dictionary<string, string>());
    }

    private static bool IsPeer(V1NetworkPolicyPeer peer, string policyNamespace, PodAddress pod)
    {
        if (peer.IpBlock is not null)
        {
            return false; // no pod address is known offline
        }
        var inNamespace = peer.NamespaceSelector is null
            ? pod.Namespace == policyNamespace
            : Selects(peer.NamespaceSelector, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = pod.Namespace });
        return inNamespace && (peer.PodSelector is null || Selects(peer.PodSelector, pod.Labels));
    }

    private static bool Opens(IList<V1NetworkPolicyPort>? ports, int port) => (ports?.Count ?? 0) == 0 || ports!.Any(p =>
        (p.Protocol ?? "TCP") == "TCP"
        && (p.Port is null || (int.TryParse(p.Port.Value, out var first) && first <= port && port <= (p.EndPort ?? first))));

    public static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new InvalidOperationException($"Unknown selector operator {e.OperatorProperty}"),
        });
}
