using System.Net;
using System.Net.Sockets;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// The unit a client is counted in, for the sign-in rate limit and the lockout: an IPv4 address,
/// or the /64 an IPv6 address belongs to. One IPv6 subscriber or host is usually given a whole
/// /64 and may pick any address in it, so counting single addresses would multiply a guesser's
/// budget by 2^64.
/// </summary>
public static class ClientNetwork
{
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
