namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// Failed sign-ins of one account from one client network (an IPv4 address, or an IPv6 /64), and
/// whether that network is locked out of the account. Counted per network so that a stranger's
/// guesses lock the account only for the stranger (Platform/Security/SignInLockout). In the
/// database, so that every instance sees the same lockout. Not audited: no staff member writes it.
/// </summary>
public sealed class SignInFailure
{
    public const int MaxNetworkLength = 64;

    public string UserId { get; set; } = string.Empty;

    /// <summary>The client's address, or its /64 for IPv6 (<c>2001:db8:1:2::/64</c>); "unknown" when the server does not know it.</summary>
    public string ClientNetwork { get; set; } = string.Empty;

    /// <summary>Failures since the last success, lockout or quiet spell.</summary>
    public int Count { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
