using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Marketplace.DeploymentTests;

/// <summary>The rules every rendered kustomize overlay keeps (README "Deployment", ADR 0025).</summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => [.. KustomizeOverlay.Names];

    private static readonly HashSet<string> ClusterScoped = ["Namespace", "ClusterRole", "ClusterRoleBinding", "StorageClass", "PriorityClass"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_renders_matches_its_schema_and_names_its_namespace(string overlay)
    {
        // Rendering already read every Kubernetes kind strictly against its schema.
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        Assert.NotEmpty(objects);
        Assert.All(objects.Where(o => !ClusterScoped.Contains(o.Kind)), o => Assert.False(string.IsNullOrEmpty(o.Namespace), $"{o} has no namespace"));
        Assert.Empty(objects.GroupBy(o => (o.Kind, o.Namespace, o.Name)).Where(g => g.Count() > 1).Select(g => g.Key));
        // The custom resources carry the fields their operators require.
        foreach (var o in objects.Where(o => KustomizeOverlay.CustomResources.Contains($"{o.ApiVersion}/{o.Kind}")))
        {
            var required = o.Kind switch
            {
                "ScaledObject" => new[] { "spec.scaleTargetRef.name", "spec.triggers" },
                "TriggerAuthentication" => ["spec.secretTargetRef"],
                "Component" => ["spec.type", "spec.version"],
                "Configuration" => ["spec"],
                "Cluster" => ["spec.instances", "spec.storage.size"],
                "Database" => ["spec.cluster.name", "spec.name", "spec.owner"],
                "RabbitmqCluster" => ["spec.replicas"],
                _ => throw new InvalidOperationException($"No rule for {o}"),
            };
            Assert.All(required, path => Assert.True(o.Node(path.Split('.')) is not null, $"{o} lacks {path}"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_image_is_pinned_to_a_version_never_latest(string overlay)
    {
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        var images = Pods(objects).SelectMany(p => AllContainers(p.Spec)).Select(c => c.Image)
            .Concat(objects.Where(o => o.Kind == "Cluster").Select(o => o.Scalar("spec", "imageName")!))
            .Concat(objects.Where(o => o.Kind == "RabbitmqCluster").Select(o => o.Scalar("spec", "image")!))
            .ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.True(IsPinned(image), $"{overlay}: image '{image}' is not pinned to a version"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_runs_unprivileged_within_limits_and_long_running_ones_have_probes(string overlay)
    {
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        foreach (var (owner, spec, longRunning) in Pods(objects))
        {
            Assert.False(spec.AutomountServiceAccountToken ?? true, $"{owner}: the service account token is mounted");
            foreach (var c in AllContainers(spec))
            {
                var where = $"{overlay}: {owner} container {c.Name}";
                Assert.True(c.Resources?.Limits?.ContainsKey("cpu") == true && c.Resources.Limits.ContainsKey("memory"), $"{where} has no cpu and memory limits");
                Assert.True(c.Resources?.Requests?.ContainsKey("cpu") == true && c.Resources.Requests.ContainsKey("memory"), $"{where} has no requests");
                var security = c.SecurityContext;
                Assert.True(security is not null, $"{where} has no securityContext");
                Assert.True(security.RunAsNonRoot ?? spec.SecurityContext?.RunAsNonRoot ?? false, $"{where} may run as root");
                Assert.True(security.RunAsUser is null or > 0, $"{where} runs as uid 0");
                Assert.False(security.AllowPrivilegeEscalation ?? true, $"{where} allows privilege escalation");
                Assert.False(security.Privileged ?? false, $"{where} is privileged");
                Assert.True(security.ReadOnlyRootFilesystem ?? false, $"{where} has a writable root filesystem");
                Assert.Contains("ALL", security.Capabilities?.Drop ?? []);
                if (longRunning)
                {
                    Assert.True(c.LivenessProbe is not null, $"{where} has no liveness probe");
                    Assert.True(c.ReadinessProbe is not null, $"{where} has no readiness probe");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_namespace_denies_all_traffic_by_default(string overlay)
    {
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        var namespaces = objects.Where(o => o.Kind == "Namespace").Select(o => o.Name)
            .Concat(objects.Select(o => o.Namespace).OfType<string>()).ToHashSet();
        Assert.Contains("marketplace", namespaces);
        foreach (var ns in namespaces)
        {
            Assert.True(objects.Where(o => o.Kind == "NetworkPolicy" && o.Namespace == ns).Select(o => o.As<V1NetworkPolicy>().Spec).Any(p =>
                    (p.PodSelector.MatchLabels?.Count ?? 0) == 0 && (p.PodSelector.MatchExpressions?.Count ?? 0) == 0
                    && p.PolicyTypes.Contains("Ingress") && p.PolicyTypes.Contains("Egress")
                    && (p.Ingress?.Count ?? 0) == 0 && (p.Egress?.Count ?? 0) == 0),
                $"{overlay}: namespace {ns} has no default-deny NetworkPolicy");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_host_in_the_repository_is_deployed_with_its_account_config_service_disruption_budget_and_one_autoscaler(string overlay)
    {
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        var deployments = objects.Where(o => o.Kind == "Deployment").ToDictionary(o => o.Name, o => o.As<V1Deployment>());
        Assert.Equal(RepositoryHosts.All.Order(), deployments.Keys.Order());
        foreach (var host in RepositoryHosts.All)
        {
            var deployment = deployments[host];
            var pod = deployment.Spec.Template.Spec;
            Assert.Equal(host, pod.ServiceAccountName);
            Assert.Contains(objects, o => o.Kind == "ServiceAccount" && o.Name == host);
            Assert.Contains(objects, o => o.Kind == "ConfigMap" && o.Name == host);
            var container = Assert.Single(pod.Containers);
            Assert.Equal($"registry.example.hk/marketplace/{host}", container.Image.Split(':')[0]);
            Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
            var selector = deployment.Spec.Selector.MatchLabels;
            Assert.Contains(objects.Where(o => o.Kind == "Service").Select(o => o.As<V1Service>()),
                s => s.Spec.Selector.All(l => selector.TryGetValue(l.Key, out var v) && v == l.Value) && s.Spec.Ports.Any(p => p.Port == 8080));
            Assert.Contains(objects.Where(o => o.Kind == "PodDisruptionBudget").Select(o => o.As<V1PodDisruptionBudget>()),
                b => b.Spec.Selector.MatchLabels.All(l => selector.TryGetValue(l.Key, out var v) && v == l.Value));

            // Exactly one autoscaler owns the replica count: an HPA on CPU, or for a service with
            // consumers KEDA's ScaledObject on CPU and its queues' depth (KEDA makes the HPA).
            var hpas = objects.Where(o => o.Kind == "HorizontalPodAutoscaler").Select(o => o.As<V2HorizontalPodAutoscaler>())
                .Where(h => h.Spec.ScaleTargetRef.Kind == "Deployment" && h.Spec.ScaleTargetRef.Name == host).ToList();
            var scaledObjects = objects.Where(o => o.Kind == "ScaledObject" && o.Scalar("spec", "scaleTargetRef", "name") == host).ToList();
            Assert.True(hpas.Count + scaledObjects.Count == 1, $"{overlay}: {host} has {hpas.Count} HPAs and {scaledObjects.Count} ScaledObjects");
            var triggers = scaledObjects.SelectMany(s => ((YamlSequenceNode)s.Node("spec", "triggers")!).Children.OfType<YamlMappingNode>())
                .Select(t => ((YamlScalarNode)t.Children[new YamlScalarNode("type")]).Value).ToList();
            if (RepositoryHosts.Consumers.Contains(host))
            {
                Assert.Equal(["cpu", "rabbitmq"], triggers.Order());
                Assert.Equal($"^{host}-[a-z0-9-]+$", scaledObjects[0].Node("spec", "triggers") is YamlSequenceNode t
                    ? ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)t.Children[1]).Children[new YamlScalarNode("metadata")]).Children[new YamlScalarNode("queueName")]).Value
                    : null);
            }
            else
            {
                var hpa = Assert.Single(hpas);
                Assert.Contains(hpa.Spec.Metrics, m => m.Resource?.Name == "cpu");
                Assert.True(hpa.Spec.MinReplicas <= hpa.Spec.MaxReplicas);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_host_has_a_migration_job_running_its_own_image_with_migrate_on_its_own_database(string overlay)
    {
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        var deployments = objects.Where(o => o.Kind == "Deployment").ToDictionary(o => o.Name, o => o.As<V1Deployment>());
        var jobs = objects.Where(o => o.Kind == "Job").ToDictionary(o => o.Name, o => o.As<V1Job>());
        Assert.Equal(RepositoryHosts.All.Select(s => s + "-migrate").Order(), jobs.Keys.Order());
        foreach (var host in RepositoryHosts.All)
        {
            var job = jobs[host + "-migrate"];
            var container = Assert.Single(job.Spec.Template.Spec.Containers);
            var hostContainer = deployments[host].Spec.Template.Spec.Containers[0];
            Assert.Equal(hostContainer.Image, container.Image);
            Assert.Equal(["--migrate"], container.Args);
            Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
            Assert.Equal("migration", job.Spec.Template.Metadata.Labels["app.kubernetes.io/component"]);
            // Argo CD runs pre-sync hooks to completion before it applies the Deployments.
            Assert.Equal("PreSync", job.Metadata.Annotations["argocd.argoproj.io/hook"]);
            // The host and its migration log in to the host's own database with its own Secret.
            var database = RepositoryHosts.Database(host);
            foreach (var c in new[] { hostContainer, container })
            {
                var env = c.Env.ToDictionary(e => e.Name);
                Assert.Equal($"Host=$(DB_HOST);Database={database};Username={database};Password=$(DB_PASSWORD)", env[$"ConnectionStrings__{database}"].Value);
                Assert.Equal($"{database}-db-credentials", env["DB_PASSWORD"].ValueFrom.SecretKeyRef.Name);
                Assert.Equal("postgresHost", env["DB_HOST"].ValueFrom.ConfigMapKeyRef.Key);
                Assert.Equal(host, Assert.Single(c.EnvFrom).ConfigMapRef.Name);
            }
            Assert.Equal("Postgres", Assert.Single(objects, o => o.Kind == "ConfigMap" && o.Name == host).As<V1ConfigMap>().Data["Database__Provider"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_and_its_migration_reach_PostgreSQL_through_the_policies_and_never_RabbitMQ(string overlay)
    {
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        var data = Assert.Single(objects, o => o.Kind == "ConfigMap" && o.Name == "marketplace-data").As<V1ConfigMap>();
        var postgres = NetworkReach.DataServer(objects, data.Data["postgresHost"]);
        var rabbitmq = NetworkReach.DataServer(objects, data.Data["rabbitmqHost"]);
        foreach (var host in RepositoryHosts.All)
        {
            foreach (var pod in new[] { NetworkReach.PodOf(objects, "Deployment", host), NetworkReach.PodOf(objects, "Job", host + "-migrate") })
            {
                Assert.True(NetworkReach.Allows(objects, pod, postgres, 5432), $"{overlay}: {pod} cannot reach PostgreSQL ({postgres})");
                if (host == "gateway")
                {
                    Assert.False(NetworkReach.Allows(objects, pod, rabbitmq, 5672), $"{overlay}: {pod} may reach RabbitMQ ({rabbitmq})");
                }
            }
            if (host != "gateway")
            {
                var service = NetworkReach.PodOf(objects, "Deployment", host);
                Assert.True(NetworkReach.Allows(objects, service, rabbitmq, 5672), $"{overlay}: {service} cannot reach RabbitMQ ({rabbitmq})");
            }
        }
        // PostgreSQL is all the gateway gained: no AMQP anywhere, no other port to an arbitrary address.
        var gateway = NetworkReach.PodOf(objects, "Deployment", "gateway");
        var elsewhere = new PodAddress("elsewhere", new Dictionary<string, string>());
        Assert.False(NetworkReach.Allows(objects, gateway, elsewhere, 5672), $"{overlay}: the gateway may open AMQP connections");
        Assert.False(NetworkReach.Allows(objects, gateway, elsewhere, 443), $"{overlay}: the gateway may reach any address");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_the_gateway_is_reachable_from_outside_the_cluster(string overlay)
    {
        var objects = await KustomizeOverlay.RenderAsync(overlay);
        Assert.All(objects.Where(o => o.Kind == "Service").Select(o => o.As<V1Service>()),
            s => Assert.True(s.Spec.Type is null or "ClusterIP", $"Service {s.Metadata.Name} is {s.Spec.Type}"));
        var ingress = Assert.Single(objects, o => o.Kind == "Ingress").As<V1Ingress>();
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), p => Assert.Equal("gateway", p.Backend.Service.Name));
        // Policies that admit other namespaces' traffic into the marketplace's namespace select the gateway only.
        foreach (var policy in objects.Where(o => o.Kind == "NetworkPolicy" && o.Namespace == "marketplace").Select(o => o.As<V1NetworkPolicy>()))
        {
            var external = (policy.Spec.Ingress ?? []).SelectMany(r => r.FromProperty ?? [])
                .Where(peer => peer.NamespaceSelector is not null || peer.IpBlock is not null).ToList();
            if (external.Count > 0)
            {
                string? admitted = null;
                policy.Spec.PodSelector.MatchLabels?.TryGetValue("app.kubernetes.io/name", out admitted);
                Assert.True(admitted is "gateway" or "rabbitmq", $"{overlay}: NetworkPolicy {policy.Metadata.Name} admits other namespaces into {admitted ?? "every pod"}");
            }
        }
    }

    [Fact]
    public async Task The_dev_overlay_runs_PostgreSQL_and_RabbitMQ_in_the_namespace_with_one_replica_each()
    {
        var objects = await KustomizeOverlay.RenderAsync("dev");
        Assert.Equal(["postgres", "rabbitmq"], objects.Where(o => o.Kind == "StatefulSet").Select(o => o.Name).Order());
        Assert.All(objects.Where(o => o.Kind is "Deployment").Select(o => o.As<V1Deployment>()), d => Assert.Equal(1, d.Spec.Replicas));
        Assert.All(objects.Where(o => o.Kind == "HorizontalPodAutoscaler").Select(o => o.As<V2HorizontalPodAutoscaler>()), h => Assert.Equal(1, h.Spec.MaxReplicas));
        Assert.All(objects.Where(o => o.Kind == "ScaledObject"), s => Assert.Equal("1", s.Scalar("spec", "maxReplicaCount")));
        // Every Secret a pod names exists in the development overlay.
        var secrets = objects.Where(o => o.Kind == "Secret").Select(o => o.Name).ToHashSet();
        Assert.All(SecretsNamed(objects), name => Assert.Contains(name, secrets));
    }

    [Fact]
    public async Task The_production_overlay_keeps_no_credentials_and_uses_the_operators_clusters_with_quorum_queues()
    {
        var objects = await KustomizeOverlay.RenderAsync("production");
        Assert.DoesNotContain(objects, o => o.Kind is "Secret" or "StatefulSet");
        Assert.Equal(3, int.Parse(Assert.Single(objects, o => o.Kind == "Cluster").Scalar("spec", "instances")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, int.Parse(Assert.Single(objects, o => o.Kind == "RabbitmqCluster").Scalar("spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture));
        // A database owned by its own managed role (password from <database>-db-credentials) per host.
        var databases = objects.Where(o => o.Kind == "Database").ToList();
        Assert.Equal(RepositoryHosts.Databases, databases.Select(o => o.Scalar("spec", "name")).Order(StringComparer.Ordinal));
        Assert.All(databases, d => Assert.Equal(d.Scalar("spec", "name"), d.Scalar("spec", "owner")));
        var roles = ((YamlSequenceNode)Assert.Single(objects, o => o.Kind == "Cluster").Node("spec", "managed", "roles")!).Children.OfType<YamlMappingNode>()
            .ToDictionary(r => r.Children[new YamlScalarNode("name")].ToString(), r => r);
        Assert.Equal(RepositoryHosts.Databases, roles.Keys.Order(StringComparer.Ordinal));
        Assert.All(RepositoryHosts.Databases, d => Assert.Equal($"{d}-db-credentials",
            ((YamlMappingNode)roles[d].Children[new YamlScalarNode("passwordSecret")]).Children[new YamlScalarNode("name")].ToString()));
        var data = Assert.Single(objects, o => o.Kind == "ConfigMap" && o.Name == "marketplace-data").As<V1ConfigMap>();
        Assert.EndsWith(".marketplace-data.svc", data.Data["postgresHost"], StringComparison.Ordinal);
        Assert.All(RepositoryHosts.Services, s => Assert.Equal("true",
            Assert.Single(objects, o => o.Kind == "ConfigMap" && o.Name == s).As<V1ConfigMap>().Data["Messaging__QuorumQueues"]));
    }

    [Fact]
    public async Task The_dapr_overlay_gives_every_host_a_sidecar_and_routes_the_gateway_through_its_own()
    {
        var objects = await KustomizeOverlay.RenderAsync("dapr");
        foreach (var deployment in objects.Where(o => o.Kind == "Deployment").Select(o => o.As<V1Deployment>()))
        {
            var annotations = deployment.Spec.Template.Metadata.Annotations;
            Assert.Equal("true", annotations["dapr.io/enabled"]);
            Assert.Equal(deployment.Metadata.Name, annotations["dapr.io/app-id"]);
            Assert.Equal("8080", annotations["dapr.io/app-port"]);
            Assert.Equal("marketplace", annotations["dapr.io/config"]);
        }
        var gateway = Assert.Single(objects, o => o.Kind == "ConfigMap" && o.Name == "gateway").As<V1ConfigMap>();
        Assert.All(RepositoryHosts.Services, s => Assert.Equal($"http://127.0.0.1:3500/v1.0/invoke/{s}.marketplace/method", gateway.Data[$"Gateway__Services__{s}"]));
        var configuration = Assert.Single(objects, o => o.Kind == "Configuration");
        Assert.Equal("true", configuration.Scalar("spec", "mtls", "enabled"));
        Assert.Equal("deny", configuration.Scalar("spec", "accessControl", "defaultAction"));
        Assert.Equal("secretstores.kubernetes", Assert.Single(objects, o => o.Kind == "Component").Scalar("spec", "type"));
        var allowed = ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)configuration.Node("spec", "secrets", "scopes")!).Children.Single())
            .Children[new YamlScalarNode("allowedSecrets")]).Children.Select(n => n.ToString()).ToHashSet();
        Assert.All(RepositoryHosts.Databases, d => Assert.Contains($"{d}-db-credentials", allowed));
    }

    internal static bool IsPinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && lastSegment[(colon + 1)..] is var tag && tag != "latest" && tag.Any(char.IsDigit);
    }

    private static IEnumerable<(string Owner, V1PodSpec Spec, bool LongRunning)> Pods(IEnumerable<RenderedObject> objects) => objects.Select(o => o.Typed switch
    {
        V1Deployment d => (o.ToString(), d.Spec.Template.Spec, true),
        V1StatefulSet s => (o.ToString(), s.Spec.Template.Spec, true),
        V1Job j => (o.ToString(), j.Spec.Template.Spec, false),
        _ => default((string, V1PodSpec, bool)?),
    }).OfType<(string, V1PodSpec, bool)>();

    private static IEnumerable<V1Container> AllContainers(V1PodSpec spec) => spec.Containers.Concat(spec.InitContainers ?? []);

    private static IEnumerable<string> SecretsNamed(IEnumerable<RenderedObject> objects) => Pods(objects)
        .SelectMany(p => AllContainers(p.Spec))
        .SelectMany(c => c.Env ?? [])
        .Where(e => e.ValueFrom?.SecretKeyRef is { Optional: not true })
        .Select(e => e.ValueFrom.SecretKeyRef.Name)
        .Distinct();
}
