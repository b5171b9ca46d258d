namespace Marketplace.AppHost;

/// <summary>
/// What the hosts are given from outside the AppHost, as resources the dashboard lists: the servers (external, never
/// containers, which DCP cannot run without a container engine) and the first administrator's account.
/// </summary>
internal sealed record ExternalResources(
    IResourceBuilder<IResourceWithConnectionString> Postgres,
    IResourceBuilder<IResourceWithConnectionString> RabbitMq,
    IResourceBuilder<ParameterResource> AdminEmail,
    IResourceBuilder<ParameterResource> AdminPassword)
{
    /// <summary>
    /// <c>ConnectionStrings:postgres</c> (server and login, no database: each host's is added), <c>ConnectionStrings:rabbitmq</c>
    /// (an AMQP URI), <c>Parameters:admin-email</c> and <c>Parameters:admin-password</c>.
    /// </summary>
    public static ExternalResources From(IDistributedApplicationBuilder builder) => new(
        builder.AddConnectionString("postgres"),
        builder.AddConnectionString("rabbitmq"),
        builder.AddParameter("admin-email"),
        builder.AddParameter("admin-password", secret: true));
}
