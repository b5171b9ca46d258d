using System.Net.Sockets;
using Marketplace.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore.Storage;

namespace Marketplace.UnitTests;

public sealed class DatabaseOutageTests
{
    [Fact]
    public void A_refused_database_connection_is_an_outage()
    {
        Assert.True(DatabaseOutage.Caused(new InvalidOperationException("query failed", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseOutage.Caused(new RetryLimitExceededException("gave up", new TimeoutException())));
    }

    [Fact]
    public void A_refused_HTTP_call_to_another_service_is_not_a_database_outage()
    {
        // The web UI reading the identity service's discovery document while it is down: a fault to report, not "database unavailable".
        var discovery = new InvalidOperationException("IDX20803: Unable to obtain configuration",
            new IOException("IDX20804", new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))));

        Assert.False(DatabaseOutage.Caused(discovery));
    }

    [Fact]
    public void A_fault_of_the_code_is_not_an_outage()
    {
        Assert.False(DatabaseOutage.Caused(new InvalidOperationException("bug")));
    }
}
