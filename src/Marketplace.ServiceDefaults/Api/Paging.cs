using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.ServiceDefaults.Api;

/// <summary>One page of a list; every list in the API is paged.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Checks page/pageSize and returns the values to use.</summary>
    public static (int Page, int PageSize) Check(ValidationErrors errors, int? page, int? pageSize)
    {
        errors.Between("page", page ?? 1, 1, 100_000)
            .Between("pageSize", pageSize ?? DefaultPageSize, 1, MaxPageSize);
        return (page ?? 1, pageSize ?? DefaultPageSize);
    }
}
