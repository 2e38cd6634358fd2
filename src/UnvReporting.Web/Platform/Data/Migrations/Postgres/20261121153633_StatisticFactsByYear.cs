using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnvReporting.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticFactsByYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StatisticFacts_Year_Order",
                table: "StatisticFacts",
                columns: new[] { "Year", "MetricKey", "Dimension", "Member" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatisticFacts_Year_Order",
                table: "StatisticFacts");
        }
    }
}
