using System.IO.Compression;
using System.Text;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Import;

public class SpreadsheetReaderTests
{
    private static readonly ImportLimits Limits = new();

    [Fact]
    public void The_format_is_decided_by_the_content_not_the_name()
    {
        SpreadsheetReader.Sniff(Workbooks.Xlsx(("Indicators", [["Key"]])), Words.English).ShouldBe(SpreadsheetReader.Xlsx);
        SpreadsheetReader.Sniff(Encoding.UTF8.GetBytes("Key,Milestone\n1.1,5\n"), Words.English).ShouldBe(SpreadsheetReader.Csv);
    }

    [Fact]
    public void Binary_content_that_is_not_a_zip_is_refused()
    {
        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Sniff([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], Words.English))
            .Message.ShouldContain("neither an Excel workbook");
        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Sniff([0x41, 0xC3, 0x28], Words.English));
    }

    [Fact]
    public void A_zip_without_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<document/>");
        }

        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Read(stream.ToArray(), SpreadsheetReader.Xlsx, Limits, Words.English))
            .Message.ShouldContain("not an Excel workbook");
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_declared_size()
    {
        var bomb = Workbooks.ZipBomb(megabytes: 60);

        bomb.Length.ShouldBeLessThan(1024 * 1024);
        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Read(bomb, SpreadsheetReader.Xlsx, Limits, Words.English))
            .Message.ShouldContain("unpacks to more than 50 MB");
    }

    [Fact]
    public void A_zip_bomb_that_lies_about_its_size_is_refused_while_unpacking()
    {
        var bomb = Workbooks.ZipBomb(megabytes: 60, lie: true);

        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Read(bomb, SpreadsheetReader.Xlsx, Limits, Words.English));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MaxValue / 2 + 1)]
    [InlineData(-1L)]
    public void A_zip64_workbook_declaring_sizes_near_2_to_the_63_is_refused_by_its_declared_size(long declaredSize)
    {
        // Two entries declaring these sizes add up past long.MaxValue; -1 is 2^64 - 1 read as a signed number.
        var workbook = Workbooks.Zip64WithDeclaredSizes(declaredSize);

        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Read(workbook, SpreadsheetReader.Xlsx, Limits, Words.English))
            .Message.ShouldContain("unpacks to more than 50 MB");
    }

    [Fact]
    public void A_workbook_of_too_many_parts_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i <= Limits.MaxEntries; i++)
            {
                zip.CreateEntry(i == 0 ? "xl/workbook.xml" : $"xl/media/{i}.bin");
            }
        }

        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Read(stream.ToArray(), SpreadsheetReader.Xlsx, Limits, Words.English))
            .Message.ShouldContain($"at most {Limits.MaxEntries}");
    }

    [Fact]
    public void Rows_past_the_limit_are_refused()
    {
        var lines = new[] { "Key,Milestone" }.Concat(Enumerable.Range(1, 11).Select(i => $"1.{i},5")).ToArray();

        Should.Throw<SpreadsheetRefusedException>(() => SpreadsheetReader.Read(Workbooks.Csv(lines), SpreadsheetReader.Csv, new ImportLimits { MaxRows = 10 }, Words.English))
            .Message.ShouldContain("more than 10 rows");
    }

    [Fact]
    public void A_csv_saved_with_semicolons_and_a_byte_order_mark_is_read_with_row_numbers_as_shown()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(Workbooks.Csv("Key;Milestone", "", "1.1;\"1,663,729\"")).ToArray();

        var sheet = SpreadsheetReader.Read(content, SpreadsheetReader.Csv, Limits, Words.English).ShouldHaveSingleItem();

        sheet.Header.Values.ShouldBe(["Key", "Milestone"]);
        var row = sheet.Rows.ShouldHaveSingleItem();
        row.Number.ShouldBe(3);
        row[1]!.Text.ShouldBe("1,663,729");
    }

    [Fact]
    public void Numeric_cells_are_numbers_and_text_cells_text()
    {
        var xlsx = Workbooks.Xlsx(("Indicators", [["Key", "Result"], ["1.1", 40.3m]]));

        var row = SpreadsheetReader.Read(xlsx, SpreadsheetReader.Xlsx, Limits, Words.English).ShouldHaveSingleItem().Rows.ShouldHaveSingleItem();

        row.Number.ShouldBe(2);
        row[0]!.Number.ShouldBeNull();
        row[1]!.Number.ShouldBe(40.3m);
    }

    [Fact]
    public void A_formula_guard_apostrophe_written_by_the_template_is_taken_off_when_read()
    {
        SpreadsheetReader.Unescape(SpreadsheetReader.Escape("=HYPERLINK(\"x\")")).ShouldBe("=HYPERLINK(\"x\")");
        SpreadsheetReader.Escape("=1+1").ShouldBe("'=1+1");
        SpreadsheetReader.Unescape("'plain").ShouldBe("'plain");
    }
}
