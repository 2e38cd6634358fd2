using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnvReporting.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MissingDataReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MissingDataReason",
                table: "IndicatorYears",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MissingDataReason",
                table: "IndicatorYears");
        }
    }
}
