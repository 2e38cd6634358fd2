namespace UnvReporting.Web.Platform.Http;

/// <summary>
/// Marks an open read of API v1: anyone may call it, a staff token widens it to unpublished
/// years, and <c>?culture=</c> chooses the language of its text. The OpenAPI document says so.
/// </summary>
public sealed class PublicRead
{
    public static readonly PublicRead Metadata = new();

    private PublicRead()
    {
    }
}
