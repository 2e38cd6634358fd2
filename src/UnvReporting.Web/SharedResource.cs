namespace UnvReporting.Web;

/// <summary>
/// Marker for the one set of UI strings (Resources/SharedResource.*.resx). The keys are the
/// English text, so English needs no resource file and a missing translation shows English.
/// </summary>
public sealed class SharedResource;
