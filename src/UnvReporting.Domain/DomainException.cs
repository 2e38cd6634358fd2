namespace UnvReporting.Domain;

/// <summary>
/// A rule of the domain was broken. The message is written for the person who entered the
/// value (or the author of the reference data file), so it names the field and the rule.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
