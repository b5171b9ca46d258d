namespace Marketplace.Testing;

/// <summary>
/// Where the real servers started by test.sh listen. The defaults match test.sh, so a developer who
/// started the servers with scripts/test-servers.sh can run `dotnet test` directly; a missing server
/// fails the tests that need it instead of skipping them.
/// </summary>
public static class TestServers
{
    public static string Postgres =>
        Environment.GetEnvironmentVariable("MARKETPLACE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres";

    /// <summary>
    /// A SQL Server login that may create databases; when set, the distributed integration tests run on
    /// SQL Server instead of PostgreSQL (no engine can be installed on the build machines, so it has no default).
    /// </summary>
    public static string? SqlServer =>
        Environment.GetEnvironmentVariable("MARKETPLACE_TEST_SQLSERVER") is { Length: > 0 } connectionString ? connectionString : null;

    public static Uri RabbitMq =>
        new(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5673/");

    public static Uri RabbitMqManagement =>
        new(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_RABBITMQ_MANAGEMENT") ?? "http://guest:guest@127.0.0.1:15673/");

    /// <summary>The identity service's issuer in every test; discovery is read from where the test started it.</summary>
    public const string Issuer = "http://identity.marketplace.test/api/identity";
    public const string Audience = "marketplace";
}
