using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>Takes a table away and back to simulate a broken database, in each provider's dialect.</summary>
public static class TableRenames
{
    public static Task<int> RenameTableAsync(this DatabaseFacade database, string from, string to) =>
        database.IsSqlServer()
            ? database.ExecuteSqlAsync($"EXEC sp_rename {from}, {to}")
#pragma warning disable EF1002 // Table names cannot be parameters; both are literals in the tests.
            : database.ExecuteSqlRawAsync($"ALTER TABLE {from} RENAME TO {to}");
#pragma warning restore EF1002
}
