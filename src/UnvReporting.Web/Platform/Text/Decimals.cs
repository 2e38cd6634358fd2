namespace UnvReporting.Web.Platform.Text;

public static class Decimals
{
    /// <summary>
    /// The value without trailing zeros. PostgreSQL returns numeric(18,4) as 65014.0000 where
    /// SQLite gives 65014; JSON written for the API and the charts must not depend on the database.
    /// </summary>
    public static decimal WithoutTrailingZeros(this decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? WithoutTrailingZeros(this decimal? value) => value / 1.0000000000000000000000000000m;
}
