using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Keeps the Data Protection key ring in the product's database (<see cref="UnvDbContext.DataProtectionKeys"/>),
/// so that every instance on one database protects and reads cookies, antiforgery tokens and
/// bearer tokens with the same keys, and a restart on a new machine or container signs nobody out.
/// Microsoft's package for this (PersistKeysToDbContext) is not used: with it one damaged row stops
/// the whole ring from being read, signing everybody out, and its Debug log carries the keys
/// (docs/decisions/ADR-010).
/// </summary>
/// <remarks>
/// The key manager is a singleton that calls in from any thread, while the pooled context is
/// scoped and not thread-safe: each call takes a context of its own from a fresh scope. The calls
/// are synchronous because <see cref="IXmlRepository"/> is; the key manager caches what it reads,
/// so they happen at start-up, about once a day, and when a key is created.
/// </remarks>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, ILogger logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<UnvDbContext>();
        var rows = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => new { k.FriendlyName, k.Xml }).ToList();
        var elements = new List<XElement>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                elements.Add(XElement.Parse(row.Xml));
            }
            catch (XmlException exception)
            {
                // One damaged row (a hand edit, a bad restore) must not take the other keys with it.
                logger.LogError(exception, "Data protection key ring element {FriendlyName} in the database is not valid XML and is ignored", row.FriendlyName);
            }
        }

        return elements.AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<UnvDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();

        // Not an audited change (no staff member made it), but operators should see keys come
        // and go: a new key or a revocation changes who stays signed in.
        logger.LogInformation("Data protection key ring element {FriendlyName} stored in the database", friendlyName);
    }
}
