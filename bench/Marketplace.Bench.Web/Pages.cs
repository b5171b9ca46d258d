namespace Marketplace.Bench.Web;

/// <summary>A page measured: its path and an element that only shows once its content has rendered.</summary>
internal sealed record PageUnderTest(string Name, string Path, string Ready);

/// <summary>An enhanced navigation: from a page, a click on a link, until the target's content shows.</summary>
internal sealed record Navigation(string Name, PageUnderTest From, string Link, string Ready);
