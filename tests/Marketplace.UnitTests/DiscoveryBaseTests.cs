using Marketplace.Identity.Oidc;

namespace Marketplace.UnitTests;

public sealed class DiscoveryBaseTests
{
    [Theory]
    [InlineData("https://marketplace.gov.hk/api/identity", "https://marketplace.gov.hk/")]
    [InlineData("https://marketplace.gov.hk/api/identity/", "https://marketplace.gov.hk/")]
    [InlineData("https://gov.hk/ai-marketplace/api/identity", "https://gov.hk/ai-marketplace/")]
    public void Discovery_names_endpoints_under_the_issuer_without_the_identity_service_path(string issuer, string expectedBase)
    {
        var baseUri = PublicBaseInDiscovery.BaseOf(new Uri(issuer));

        Assert.Equal(expectedBase, baseUri.AbsoluteUri);
        Assert.Equal(issuer.TrimEnd('/') + "/connect/token", new Uri(baseUri, "api/identity/connect/token").AbsoluteUri);
    }
}
