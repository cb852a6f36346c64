using YamlDotNet.RepresentationModel;

namespace Portal.UnitTests.Deployment;

/// <summary>
/// What deploy/ promises, read from the files themselves (./test.sh also renders them with docker-compose and
/// kubectl; no container engine runs here): the services and their roles, the shared keys, the probes, and
/// containers that run as a user without privileges.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Deploy = Path.Combine(RepositoryFolder.Root, "deploy");

    [Fact]
    public void Compose_has_SQL_Server_a_three_node_RabbitMQ_cluster_two_web_and_two_processing_replicas_a_proxy_and_the_one_shot_jobs()
    {
        var services = Map(Load(Path.Combine(Deploy, "docker-compose.yml")), "services");
        Assert.Superset(
            new HashSet<string> { "sqlserver", "migrate", "seed", "rabbitmq1", "rabbitmq2", "rabbitmq3", "web1", "web2", "processing1", "processing2", "proxy", "prometheus" },
            services.Children.Keys.Select(k => k.ToString()).ToHashSet());

        foreach (var (name, role) in new[] { ("web1", "Web"), ("web2", "Web"), ("processing1", "Processing"), ("processing2", "Processing") })
        {
            var environment = Environment(Map(services, name));
            Assert.Equal(role, environment["Portal__Role"]);
            Assert.Equal("SqlServer", environment["Database__Provider"]);
            Assert.Equal("RabbitMq", environment["Messaging__Transport"]);
            Assert.Equal("Database", environment["DataProtection__Store"]); // every web replica reads the same keys
            Assert.Equal("false", environment["Database__MigrateOnStartup"]); // the migrate and seed jobs do it
            Assert.Equal(["rabbitmq1", "rabbitmq2", "rabbitmq3"], Enumerable.Range(0, 3).Select(i => environment[$"Messaging__RabbitMq__Nodes__{i}"]));
            Assert.Contains("/health/ready", Merged(Map(services, name)).Children[new YamlScalarNode("healthcheck")].ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("init", ((YamlSequenceNode)Merged(Map(services, "seed")).Children[new YamlScalarNode("command")]).Children.Single().ToString());
        Assert.Contains("portal-sqlserver.sql", Map(services, "migrate").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_takes_every_secret_from_the_env_file_and_the_example_names_them_all()
    {
        var compose = File.ReadAllText(Path.Combine(Deploy, "docker-compose.yml"));
        var example = File.ReadAllText(Path.Combine(Deploy, ".env.example"));
        foreach (var name in new[] { "MSSQL_SA_PASSWORD", "RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS", "RABBITMQ_ERLANG_COOKIE" })
        {
            Assert.Contains("${" + name + ":?", compose, StringComparison.Ordinal); // no default: refused when missing
            Assert.Contains(name + "=", example, StringComparison.Ordinal);
        }

        Assert.Contains("deploy/.env", File.ReadAllText(Path.Combine(RepositoryFolder.Root, ".gitignore")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deployment-web.yaml", "Web")]
    [InlineData("deployment-processing.yaml", "Processing")]
    public void Kubernetes_deployments_run_without_privileges_with_probes_and_their_role(string file, string role)
    {
        var deployment = Load(Path.Combine(Deploy, "k8s", file));
        var pod = Map(Map(Map(deployment, "spec"), "template"), "spec");
        Assert.Equal("true", Map(pod, "securityContext").Children[new YamlScalarNode("runAsNonRoot")].ToString());
        var container = (YamlMappingNode)((YamlSequenceNode)pod.Children[new YamlScalarNode("containers")]).Children[0];
        var security = Map(container, "securityContext");
        Assert.Equal("false", security.Children[new YamlScalarNode("allowPrivilegeEscalation")].ToString());
        Assert.Equal("true", security.Children[new YamlScalarNode("readOnlyRootFilesystem")].ToString());
        Assert.Equal("/health/ready", Map(Map(container, "readinessProbe"), "httpGet").Children[new YamlScalarNode("path")].ToString());
        Assert.Equal("/health/live", Map(Map(container, "livenessProbe"), "httpGet").Children[new YamlScalarNode("path")].ToString());
        var environment = ((YamlSequenceNode)container.Children[new YamlScalarNode("env")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(e => e.Children[new YamlScalarNode("name")].ToString(), e => e.Children.TryGetValue(new YamlScalarNode("value"), out var v) ? v.ToString() : "");
        Assert.Equal(role, environment["Portal__Role"]);
        Assert.True(Map(container, "resources").Children.ContainsKey(new YamlScalarNode("limits")), "no resource limits");
    }

    [Fact]
    public void Kubernetes_has_autoscaling_and_disruption_budgets_for_both_roles_and_the_kustomization_lists_them()
    {
        var kustomization = File.ReadAllText(Path.Combine(Deploy, "k8s", "kustomization.yaml"));
        foreach (var file in new[] { "deployment-web.yaml", "deployment-processing.yaml", "services.yaml", "ingress.yaml", "hpa.yaml", "pdb.yaml", "configmap.yaml" })
        {
            Assert.Contains(file, kustomization, StringComparison.Ordinal);
        }

        // Each autoscaler scales its own deployment; each budget selects that deployment's pods.
        var scaled = Documents(Path.Combine(Deploy, "k8s", "hpa.yaml"))
            .Select(d => Map(Map(d, "spec"), "scaleTargetRef").Children[new YamlScalarNode("name")].ToString()).Order();
        Assert.Equal(["portal-processing", "portal-web"], scaled);
        var podLabels = new[] { "deployment-web.yaml", "deployment-processing.yaml" }.ToDictionary(
            file => file,
            file => Strings(Map(Map(Map(Map(Load(Path.Combine(Deploy, "k8s", file)), "spec"), "template"), "metadata"), "labels")));
        var covered = Documents(Path.Combine(Deploy, "k8s", "pdb.yaml"))
            .Select(d => Strings(Map(Map(Map(d, "spec"), "selector"), "matchLabels")))
            .Select(selector => podLabels.Single(p => selector.All(l => p.Value.GetValueOrDefault(l.Key) == l.Value)).Key)
            .Order();
        Assert.Equal(["deployment-processing.yaml", "deployment-web.yaml"], covered);
    }

    [Fact]
    public void The_image_runs_as_a_user_without_privileges_and_is_configured_by_environment()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepositoryFolder.Root, "Dockerfile"));
        var runtime = dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(runtime);
        Assert.Contains(runtime, l => l.Trim() == "USER $APP_UID");
        Assert.Contains(runtime, l => l.StartsWith("ENTRYPOINT [\"dotnet\", \"Portal.Web.dll\"]", StringComparison.Ordinal));
        Assert.DoesNotContain(runtime, l => l.StartsWith("COPY", StringComparison.Ordinal) && l.Contains("appsettings", StringComparison.OrdinalIgnoreCase));
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static Dictionary<string, string> Strings(YamlMappingNode map) => map.Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());

    private static IEnumerable<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    /// <summary>A compose service's environment, with what its anchors merge in.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        Merged(Map(Merged(service), "environment")).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());

    /// <summary>The mapping with its merge keys ("&lt;&lt;: *anchor") applied, as docker-compose reads it (YamlDotNet's model keeps them as keys).</summary>
    private static YamlMappingNode Merged(YamlMappingNode map)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, value) in map.Children.Where(c => c.Key.ToString() != "<<"))
        {
            merged.Add(key, value);
        }

        if (map.Children.TryGetValue(new YamlScalarNode("<<"), out var parent))
        {
            foreach (var (key, value) in Merged((YamlMappingNode)parent).Children.Where(c => !merged.Children.ContainsKey(c.Key)))
            {
                merged.Add(key, value);
            }
        }

        return merged;
    }
}
