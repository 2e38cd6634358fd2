namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// One element of the ASP.NET Core Data Protection key ring (a key or a revocation), as the key
/// manager wrote it. Kept in the database so that every instance of the app protects and reads
/// cookies and antiforgery tokens with the same keys. Not a domain row: it is written by the
/// framework, outside any staff action, and so stays out of the audit trail (its creation is
/// logged as a security event instead).
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The key manager's name for the element, such as <c>key-&lt;guid&gt;</c>.</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The element's XML, as the key manager wrote it (not encrypted; see docs/deployment.md).</summary>
    public string Xml { get; set; } = string.Empty;
}
