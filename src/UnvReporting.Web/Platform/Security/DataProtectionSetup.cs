using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Data Protection (the keys behind the staff cookie, antiforgery tokens, bearer tokens and
/// TempData) with its key ring in the database, shared by every instance (docs/deployment.md).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Every instance must use the same name: it is part of what the keys protect.</summary>
    public const string ApplicationName = "UnvReporting";

    public static void AddUnvDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory, ILoggerFactory>((options, scopes, loggers) =>
            options.XmlRepository = new DatabaseXmlRepository(scopes, loggers.CreateLogger(SecurityEvents.Category)));
    }

    /// <summary>
    /// Creates a key when the ring has none in force (an empty table, or every key expired).
    /// Called while start-up holds the migration lock: instances starting together on an empty
    /// database would otherwise each create a key that is active at once, and an instance that
    /// read the table before another's key arrived would not know that key (it re-reads the ring
    /// for an unknown key only in its first two minutes, then about once a day), so cookies written
    /// by the other instance would not be read there. Later keys are created two days before they
    /// come into force, time enough for every instance to read them.
    /// </summary>
    public static void EnsureKeyInForce(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            return;
        }

        var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        keys.CreateNewKey(now, now + lifetime);
    }
}
