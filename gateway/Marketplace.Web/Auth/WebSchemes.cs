namespace Marketplace.Web.Auth;

/// <summary>The web UI's own authentication schemes, beside the APIs' JWT bearer default.</summary>
public static class WebSchemes
{
    /// <summary>The browser's session cookie; it holds only a key to the ticket kept on the server.</summary>
    public const string Cookie = "web";

    /// <summary>The code flow with PKCE against the identity service.</summary>
    public const string OpenIdConnect = "web-oidc";

    /// <summary>Every page: the session cookie is read, anyone may look (pages that need a role say so).</summary>
    public const string BrowserPolicy = "web-browser";

    /// <summary>A page for signed-in people only.</summary>
    public const string SignedInPolicy = "web-signed-in";

    /// <summary>A department officer's page.</summary>
    public const string OfficerPolicy = "web-officer";
}
