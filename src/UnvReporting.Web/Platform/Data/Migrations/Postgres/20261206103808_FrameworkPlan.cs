using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UnvReporting.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FrameworkPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FrameworkCode",
                table: "PendingImports",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "PendingImports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "results");

            migrationBuilder.AddColumn<decimal>(
                name: "BaselineValue",
                table: "Indicators",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BaselineYear",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataSource",
                table: "Indicators",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "Indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EndTarget",
                table: "Indicators",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCumulative",
                table: "Indicators",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Indicators",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Indicators",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "Indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorMilestones_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMilestones_IndicatorId_Year",
                table: "IndicatorMilestones",
                columns: new[] { "IndicatorId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorMilestones");

            migrationBuilder.DropColumn(
                name: "FrameworkCode",
                table: "PendingImports");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "PendingImports");

            migrationBuilder.DropColumn(
                name: "BaselineValue",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "BaselineYear",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DataSource",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Direction",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "EndTarget",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "IsCumulative",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "TitleZh",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "Indicators");
        }
    }
}
