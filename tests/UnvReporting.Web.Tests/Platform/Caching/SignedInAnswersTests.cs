using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Caching;

/// <summary>
/// Answers to a signed-in reader are never kept by a browser or proxy cache (Platform/Caching/SignedInAnswers),
/// whichever page or endpoint gave them; visitors' answers stay cacheable.
/// </summary>
public class SignedInAnswersTests
{
    [Theory, BothProviders]
    public async Task A_signed_in_reader_gets_no_store_on_public_pages_and_a_visitor_does_not(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var staff = await app.SignedInAsync(StaffRole.Viewer);
        var visitor = app.Client;

        foreach (var path in new[] { "/", "/indicators/2021", "/statistics/2021" })
        {
            var signedIn = await staff.GetAsync(path);
            var anonymous = await visitor.GetAsync(path);

            signedIn.Headers.CacheControl?.NoStore.ShouldBeTrue(path);
            (anonymous.Headers.CacheControl?.NoStore ?? false).ShouldBeFalse(path);
        }
    }
}
