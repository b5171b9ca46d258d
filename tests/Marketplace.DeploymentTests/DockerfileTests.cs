using System.Text.RegularExpressions;

namespace Marketplace.DeploymentTests;

/// <summary>The one image recipe (ADR 0024) cannot be built here (no engine): these are its rules, read from the file.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryHosts.Root, "Dockerfile"));

    [Fact]
    public void The_image_builds_with_the_SDK_and_runs_on_the_pinned_ASPNET_runtime_as_an_unprivileged_user()
    {
        var images = BaseImage().Matches(Dockerfile).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, image => Assert.True(KubernetesManifestTests.IsPinned(image), $"{image} is not pinned"));
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", images[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", images[1], StringComparison.Ordinal);
        // The runtime image's patch version is the one the tests run on (the shared framework of this process).
        Assert.Contains($"aspnet:{Environment.Version.ToString(3)}-", images[1], StringComparison.Ordinal);
        var user = Assert.Single(UserLine().Matches(Dockerfile)).Groups[1].Value;
        Assert.NotEqual("0", user.Split(':')[0]);
        Assert.DoesNotContain("root", user, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("/health/live", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_leaves_out_secrets_build_output_and_local_databases()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryHosts.Root, ".dockerignore"));
        Assert.Contains(".env", ignored);
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/data/", ignored);
        // Every folder a host's project references lives in what the recipe copies.
        foreach (var host in RepositoryHosts.All)
        {
            var top = RepositoryHosts.Project(host).Project.Split('/')[0];
            Assert.Contains($"COPY {top}/ {top}/", Dockerfile, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^ARG\s+(?:SDK|RUNTIME)_IMAGE=(\S+)", RegexOptions.Multiline)]
    private static partial Regex BaseImage();

    [GeneratedRegex(@"^USER\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();
}
