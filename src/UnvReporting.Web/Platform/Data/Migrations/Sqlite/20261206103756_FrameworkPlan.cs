using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnvReporting.Web.Platform.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "PendingImports",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "results");

            migrationBuilder.AddColumn<double>(
                name: "BaselineValue",
                table: "Indicators",
                type: "REAL",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BaselineYear",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataSource",
                table: "Indicators",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "Indicators",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EndTarget",
                table: "Indicators",
                type: "REAL",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCumulative",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Indicators",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Indicators",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "Indicators",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false)
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
