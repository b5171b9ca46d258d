using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.UnitTests;

/// <summary>Services share only Contracts and ServiceDefaults; a reference between services fails here.</summary>
public sealed class ArchitectureTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void No_service_project_references_another_service()
    {
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(Root, "services")));
        var offences = CrossServiceReferences(Root);

        Assert.True(offences.Count == 0, "Services may share only Contracts and ServiceDefaults:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Service_modules_reference_only_contracts_and_service_defaults_outside_their_folder()
    {
        var allowed = new[] { "src/Marketplace.Contracts/Marketplace.Contracts.csproj", "src/Marketplace.ServiceDefaults/Marketplace.ServiceDefaults.csproj" };
        foreach (var project in Directory.GetFiles(Path.Combine(Root, "services"), "*.csproj", SearchOption.AllDirectories))
        {
            var service = Path.GetDirectoryName(Path.GetDirectoryName(project))!;
            foreach (var referenced in ProjectReferences(project).Where(r => !r.StartsWith(service + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                Assert.Contains(Relative(referenced), allowed);
            }
        }
    }

    [Fact]
    public void Contracts_have_no_package_or_project_references()
    {
        var project = XDocument.Load(Path.Combine(Root, "src", "Marketplace.Contracts", "Marketplace.Contracts.csproj"));
        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Fact]
    public void The_checker_reports_a_service_that_references_another()
    {
        // Guards the rule against passing vacuously: a throwaway tree with one offending reference.
        var root = Path.Combine(Path.GetTempPath(), "arch-" + Guid.NewGuid().ToString("N"));
        try
        {
            WriteProject(root, "services/alpha/Alpha/Alpha.csproj", "..\\..\\beta\\Beta\\Beta.csproj", "..\\Alpha.Host\\Alpha.Host.csproj");
            WriteProject(root, "services/beta/Beta/Beta.csproj");

            Assert.Equal(["services/alpha/Alpha/Alpha.csproj -> services/beta/Beta/Beta.csproj"], CrossServiceReferences(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Production_code_reads_time_only_from_the_injected_TimeProvider()
    {
        var offences = SystemClockReads(Root);

        Assert.True(offences.Count == 0,
            "Read the time from the injected TimeProvider (tests substitute their own clock):\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_clock_checker_reports_a_direct_read_of_the_system_clock()
    {
        var root = Path.Combine(Path.GetTempPath(), "arch-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "services", "alpha"));
            File.WriteAllText(Path.Combine(root, "services", "alpha", "Clock.cs"),
                "class A { object B() => System.DateTimeOffset.UtcNow; object C() => DateTime.Now; object D() => TimeProvider.System; }\n// DateTime.UtcNow in a comment is fine\n");

            Assert.Equal(3, SystemClockReads(root).Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Direct reads of the system clock in the shipped code (src, services, gateway, standalone, tools).
    /// The one registration of <c>TimeProvider.System</c> as the default clock is the exception.
    /// </summary>
    private static List<string> SystemClockReads(string root)
    {
        var clock = new Regex(@"\b(DateTime|DateTimeOffset)\s*\.\s*(UtcNow|Now|Today)\b|\bTimeProvider\s*\.\s*System\b");
        var registration = Path.Combine("src", "Marketplace.ServiceDefaults", "Hosting", "ServiceDefaultsExtensions.cs");
        var offences = new List<string>();
        foreach (var folder in new[] { "src", "services", "gateway", "standalone", "tools" }.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var code = lines[i].Split("//")[0];
                    var reads = clock.Matches(code).Count(m => !(relative == registration && m.Value.StartsWith("TimeProvider", StringComparison.Ordinal)));
                    offences.AddRange(Enumerable.Repeat($"{relative.Replace('\\', '/')}:{i + 1}: {lines[i].Trim()}", reads));
                }
            }
        }
        return offences;
    }

    private static List<string> CrossServiceReferences(string root)
    {
        var servicesRoot = Path.Combine(root, "services");
        var offences = new List<string>();
        foreach (var serviceFolder in Directory.GetDirectories(servicesRoot))
        {
            foreach (var project in Directory.GetFiles(serviceFolder, "*.csproj", SearchOption.AllDirectories))
            {
                offences.AddRange(ProjectReferences(project)
                    .Where(r => r.StartsWith(servicesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !r.StartsWith(serviceFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    .Select(r => $"{Relative(root, project)} -> {Relative(root, r)}"));
            }
        }
        return offences;
    }

    private static void WriteProject(string root, string path, params string[] references)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        new XDocument(new XElement("Project",
            new XElement("ItemGroup", references.Select(r => new XElement("ProjectReference", new XAttribute("Include", r)))))).Save(full);
    }

    private static IEnumerable<string> ProjectReferences(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => r.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));

    private static string Relative(string path) => Relative(Root, path);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
    }
}
