using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years.Import;

/// <summary>Spreadsheets for import tests: workbooks written or edited with OpenXml, CSV text, crafted zips, and the upload itself.</summary>
public static class Workbooks
{
    public static readonly string[] IndicatorHeader = ["Key", "Code", "Title", "Unit", "Milestone", "Result", "NarrativeEn", "NarrativeZh", "Version"];

    /// <summary>A workbook with one sheet per entry; a decimal becomes a numeric cell, a string a text cell.</summary>
    public static byte[] Xlsx(params (string Name, object?[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint number = 1;
                foreach (var values in rows)
                {
                    var row = new Row { RowIndex = number };
                    for (var column = 0; column < values.Length; column++)
                    {
                        var reference = $"{(char)('A' + column)}{number}";
                        switch (values[column])
                        {
                            case decimal d:
                                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                                break;
                            case string s:
                                row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) });
                                break;
                        }
                    }

                    data.Append(row);
                    number++;
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    /// <summary>Changes one cell of a sheet, as someone filling in the template would.</summary>
    public static byte[] SetCell(byte[] xlsx, string sheetName, string reference, object value)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
            cell.RemoveAllChildren();
            if (value is decimal d)
            {
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text((string)value));
            }

            part.Worksheet.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Every row of a sheet as text, as OpenXml reads it (shared strings resolved).</summary>
    public static List<List<string>> ReadSheet(byte[] xlsx, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? string.Empty).ToList())
            .ToList();
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>
    /// A zip that looks like a workbook but one entry unpacks to <paramref name="megabytes"/> MB of
    /// zeros (a few hundred KB compressed). With <paramref name="lie"/>, the sizes the zip declares
    /// for that entry are rewritten to 1 KB, as a crafted bomb would.
    /// </summary>
    public static byte[] ZipBomb(int megabytes, bool lie = false)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                writer.Write("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            }

            using var bomb = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                bomb.Write(zeros);
            }
        }

        var bytes = stream.ToArray();
        if (lie)
        {
            // Local headers (PK\x03\x04) hold the uncompressed size at offset 22; central directory
            // headers (PK\x01\x02) at offset 24. Only the big entry's are rewritten.
            var declared = (uint)megabytes * 1024 * 1024;
            for (var i = 0; i + 46 < bytes.Length; i++)
            {
                var offset = (bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]) switch
                {
                    (0x50, 0x4B, 0x03, 0x04) => 22,
                    (0x50, 0x4B, 0x01, 0x02) => 24,
                    _ => -1,
                };
                if (offset > 0 && BitConverter.ToUInt32(bytes, i + offset) == declared)
                {
                    BitConverter.GetBytes(1024u).CopyTo(bytes, i + offset);
                }
            }
        }

        return bytes;
    }

    /// <summary>
    /// A workbook-shaped zip in Zip64 form whose entries each declare <paramref name="declaredSize"/>
    /// unpacked bytes in their Zip64 extra fields while holding a few deflated bytes, as a crafted
    /// file would. The checksums are left at zero: such a file must be refused before any entry is read.
    /// </summary>
    public static byte[] Zip64WithDeclaredSizes(long declaredSize)
    {
        (string Name, string Text)[] entries =
        [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
        ];
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var written = new List<(byte[] Name, long Compressed, uint Offset)>();
        foreach (var (name, text) in entries)
        {
            using var deflated = new MemoryStream();
            using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(Encoding.UTF8.GetBytes(text));
            }

            var nameBytes = Encoding.UTF8.GetBytes(name);
            var data = deflated.ToArray();
            written.Add((nameBytes, data.Length, (uint)stream.Position));
            writer.Write(0x04034B50u);
            WriteZip64EntryFields(writer, nameBytes);
            WriteZip64Sizes(writer, declaredSize, data.Length);
            writer.Write(data);
        }

        var directoryStart = stream.Position;
        foreach (var (name, compressed, offset) in written)
        {
            writer.Write(0x02014B50u);
            writer.Write((ushort)45); // made by: version 4.5, the first with Zip64
            WriteZip64EntryFields(writer, name, centralDirectory: true, offset);
            WriteZip64Sizes(writer, declaredSize, compressed);
        }

        var directorySize = stream.Position - directoryStart;
        writer.Write(0x06054B50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)written.Count);
        writer.Write((ushort)written.Count);
        writer.Write((uint)directorySize);
        writer.Write((uint)directoryStart);
        writer.Write((ushort)0);
        writer.Flush();
        return stream.ToArray();
    }

    // The fields a local header and a central directory entry share, with both 32-bit sizes set
    // to 0xFFFFFFFF ("see the Zip64 extra field"), then the name; the extra field follows.
    private static void WriteZip64EntryFields(BinaryWriter writer, byte[] name, bool centralDirectory = false, uint offset = 0)
    {
        writer.Write((ushort)45); // needed to extract: 4.5
        writer.Write((ushort)0); // flags
        writer.Write((ushort)8); // deflate
        writer.Write((ushort)0); // time
        writer.Write((ushort)0x21); // 1 January 1980
        writer.Write(0u); // CRC-32
        writer.Write(uint.MaxValue);
        writer.Write(uint.MaxValue);
        writer.Write((ushort)name.Length);
        writer.Write((ushort)20); // the Zip64 extra field below
        if (centralDirectory)
        {
            writer.Write((ushort)0); // comment length
            writer.Write((ushort)0); // disk
            writer.Write((ushort)0); // internal attributes
            writer.Write(0u); // external attributes
            writer.Write(offset);
        }

        writer.Write(name);
    }

    private static void WriteZip64Sizes(BinaryWriter writer, long uncompressed, long compressed)
    {
        writer.Write((ushort)0x0001);
        writer.Write((ushort)16);
        writer.Write(uncompressed);
        writer.Write(compressed);
    }

    /// <summary>Uploads a file through the import page's form, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this StaffBrowser client, int year, byte[] content, string fileName, bool withToken = true, string? token = null)
    {
        var page = client.Url.Import(year);
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token ?? await client.AntiforgeryTokenAsync(page)), HtmlForms.AntiforgeryField);
        }

        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.PostAsync(client.Url.Page("/Staff/Years/Import/Index", "Upload", new { year }), form);
    }
}
