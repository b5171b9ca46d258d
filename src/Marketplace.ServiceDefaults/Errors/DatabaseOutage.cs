using System.Net.Sockets;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Marketplace.ServiceDefaults.Errors;

/// <summary>
/// Whether an exception means the database cannot be reached (down, restarting, refusing connections),
/// as opposed to a fault of the request or of the code: the former is answered 503, the latter 500.
/// </summary>
public static class DatabaseOutage
{
    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // A socket refused under an HTTP call (another service, the identity service's discovery) is not the database.
                case HttpRequestException:
                    return false;
                // The retrying execution strategy gave up on transient failures.
                case RetryLimitExceededException:
                // A server shutting down (57P01-57P03) or out of connections (53300).
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                // Npgsql and SqlClient mark connection failures transient.
                case DbException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
