namespace UnvReporting.Domain.Tests;

/// <summary>A refusal by the domain, checked to be about the field it must name, so pages and the API can put its message next to that input.</summary>
internal static class Refusal
{
    public static DomainException Of(string field, Action action)
    {
        var refusal = Should.Throw<DomainException>(action);
        refusal.Field.ShouldBe(field, refusal.Message);
        return refusal;
    }
}
