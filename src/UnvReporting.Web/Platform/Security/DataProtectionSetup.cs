using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Security;

/// <summary>A certificate file with its private key: PKCS#12 (.pfx, with its password) or PEM (with <see cref="KeyPath"/>).</summary>
public class CertificateFileSettings
{
    public string? Path { get; set; }

    public string? Password { get; set; }

    /// <summary>For a PEM certificate, the PEM file of its private key (unencrypted, or encrypted with <see cref="Password"/>).</summary>
    public string? KeyPath { get; set; }
}

/// <summary>
/// The <c>DataProtection</c> section: the certificate that encrypts the key ring at rest, and the
/// certificates it replaced, still needed to read keys they encrypted (docs/deployment.md).
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    public const string CertificatePathSetting = Section + ":CertificatePath";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public string? CertificateKeyPath { get; set; }

    public CertificateFileSettings[] PreviousCertificates { get; set; } = [];
}

/// <summary>
/// Data Protection (the keys behind the staff cookie, antiforgery tokens, bearer tokens and
/// TempData) with its key ring in the database, shared by every instance (docs/deployment.md).
/// </summary>
/// <remarks>
/// With <c>DataProtection:CertificatePath</c> each key's secret is encrypted with the
/// certificate's public key before it is stored, so a copy of the database (a backup, a replica,
/// a leaked dump) no longer lets anyone forge an Admin's cookie or token; without it the keys are
/// stored as they are and start-up warns in Production. Keys stored before a certificate was set
/// stay readable (they carry no encryption); keys encrypted by a replaced certificate are read
/// with <c>DataProtection:PreviousCertificates</c>.
/// </remarks>
public static class DataProtectionSetup
{
    /// <summary>Every instance must use the same name: it is part of what the keys protect.</summary>
    public const string ApplicationName = "UnvReporting";

    public static void AddUnvDataProtection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory, ILoggerFactory>((options, scopes, loggers) =>
            options.XmlRepository = new DatabaseXmlRepository(scopes, loggers.CreateLogger(SecurityEvents.Category)));

        // The framework takes certificate objects when it is set up, so the files are read now: a
        // wrong path or password stops start-up (and the commands) with the setting's name.
        var settings = builder.AddSettings<DataProtectionSettings>(DataProtectionSettings.Section);
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            var current = Load(DataProtectionSettings.CertificatePathSetting, new CertificateFileSettings
            {
                Path = settings.CertificatePath,
                Password = settings.CertificatePassword,
                KeyPath = settings.CertificateKeyPath,
            });
            var previous = settings.PreviousCertificates
                .Select((file, i) => Load($"{DataProtectionSettings.Section}:PreviousCertificates:{i}:Path", file))
                .ToArray();
            dataProtection.ProtectKeysWithCertificate(current);
            dataProtection.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        services.AddHostedService<UnencryptedKeysWarning>();
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

    private static X509Certificate2 Load(string setting, CertificateFileSettings file)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrWhiteSpace(file.KeyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(file.Path!, file.Password, X509KeyStorageFlags.EphemeralKeySet)
                : string.IsNullOrEmpty(file.Password)
                    ? X509Certificate2.CreateFromPemFile(file.Path!, file.KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(file.Path!, file.Password, file.KeyPath);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"{setting}: the certificate {file.Path} could not be read ({exception.Message}). Check the path, the password and, for PEM, the key file.", exception);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{setting}: the certificate {file.Path} has no private key, so keys it encrypts could not be read back. Supply the .pfx with its key, or the PEM key file.");
        }

        return certificate;
    }

    /// <summary>One warning at each start in Production while the keys are stored unencrypted: whoever holds a copy of the database can forge any account's cookie or token.</summary>
    internal sealed class UnencryptedKeysWarning(IOptions<DataProtectionSettings> settings, IHostEnvironment environment, ILoggerFactory loggers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment.IsProduction() && string.IsNullOrWhiteSpace(settings.Value.CertificatePath))
            {
                loggers.CreateLogger(SecurityEvents.Category).LogWarning(
                    "{Setting} is not set: the Data Protection keys in the database are stored unencrypted, so anyone with a copy of the " +
                    "database or a backup can forge any staff member's sign-in cookie or API token, Admins included. Set it to a certificate " +
                    "with its private key (docs/deployment.md, \"Data Protection keys\")",
                    DataProtectionSettings.CertificatePathSetting);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
