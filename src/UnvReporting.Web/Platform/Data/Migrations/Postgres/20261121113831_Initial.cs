using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UnvReporting.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Dimensions",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dimensions", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Frameworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    DocumentSymbol = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GreenFrom = table.Column<int>(type: "integer", nullable: false),
                    YellowFrom = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Frameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Metrics",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Metrics", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDataLoads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataLoads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceDocuments",
                columns: table => new
                {
                    Symbol = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleZh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Session = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Edition = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceDocuments", x => x.Symbol);
                });

            migrationBuilder.CreateTable(
                name: "DimensionMembers",
                columns: table => new
                {
                    DimensionKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DimensionMembers", x => new { x.DimensionKey, x.Key });
                    table.ForeignKey(
                        name: "FK_DimensionMembers_Dimensions_DimensionKey",
                        column: x => x.DimensionKey,
                        principalTable: "Dimensions",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkAmbitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    TextEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextZh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TargetPercent = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    SourceDocument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceLocator = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkAmbitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkAmbitions_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportingYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DocumentSymbol = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StatedGreen = table.Column<int>(type: "integer", nullable: true),
                    StatedGrey = table.Column<int>(type: "integer", nullable: true),
                    StatedSummaryLocator = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    StatedRed = table.Column<int>(type: "integer", nullable: true),
                    StatedYellow = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingYears", x => x.Year);
                    table.ForeignKey(
                        name: "FK_ReportingYears_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TitleZh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultAreas_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultAreas_ResultAreas_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ResultAreas",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StatisticFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    MetricKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Member = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Qualifier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceDocument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceLocator = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticFacts", x => x.Id);
                    table.CheckConstraint("CK_StatisticFacts_Breakdown", "(\"Dimension\" IS NULL) = (\"Member\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_StatisticFacts_DimensionMembers_Dimension_Member",
                        columns: x => new { x.Dimension, x.Member },
                        principalTable: "DimensionMembers",
                        principalColumns: new[] { "DimensionKey", "Key" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StatisticFacts_Metrics_MetricKey",
                        column: x => x.MetricKey,
                        principalTable: "Metrics",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Indicators_ResultAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "ResultAreas",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "CumulativeAchievements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    PercentOfTarget = table.Column<int>(type: "integer", nullable: false),
                    SourceDocument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceLocator = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CumulativeAchievements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CumulativeAchievements_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CodeAsPublished = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Milestone = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Result = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    PublishedScorePercent = table.Column<int>(type: "integer", nullable: true),
                    PublishedRating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PublishedRatingBasis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    NarrativeEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NarrativeZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsCumulative = table.Column<bool>(type: "boolean", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TitleZh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceDocument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceLocator = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorYears_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorYears_ReportingYears_Year",
                        column: x => x.Year,
                        principalTable: "ReportingYears",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CumulativeAchievements_IndicatorId_FromYear_ToYear",
                table: "CumulativeAchievements",
                columns: new[] { "IndicatorId", "FromYear", "ToYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkAmbitions_FrameworkId_SortOrder",
                table: "FrameworkAmbitions",
                columns: new[] { "FrameworkId", "SortOrder" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Frameworks_Code",
                table: "Frameworks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_AreaId",
                table: "Indicators",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_FrameworkId_Key",
                table: "Indicators",
                columns: new[] { "FrameworkId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorYears_IndicatorId_Year",
                table: "IndicatorYears",
                columns: new[] { "IndicatorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorYears_Year",
                table: "IndicatorYears",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingYears_FrameworkId",
                table: "ReportingYears",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultAreas_FrameworkId_Code",
                table: "ResultAreas",
                columns: new[] { "FrameworkId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultAreas_ParentId",
                table: "ResultAreas",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticFacts_Dimension_Member",
                table: "StatisticFacts",
                columns: new[] { "Dimension", "Member" });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticFacts_MetricKey_Year",
                table: "StatisticFacts",
                columns: new[] { "MetricKey", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticFacts_Year_Metric_Breakdown",
                table: "StatisticFacts",
                columns: new[] { "Year", "MetricKey", "Dimension", "Member" },
                unique: true,
                filter: "\"Dimension\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticFacts_Year_Metric_Total",
                table: "StatisticFacts",
                columns: new[] { "Year", "MetricKey" },
                unique: true,
                filter: "\"Dimension\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CumulativeAchievements");

            migrationBuilder.DropTable(
                name: "FrameworkAmbitions");

            migrationBuilder.DropTable(
                name: "IndicatorYears");

            migrationBuilder.DropTable(
                name: "ReferenceDataLoads");

            migrationBuilder.DropTable(
                name: "SourceDocuments");

            migrationBuilder.DropTable(
                name: "StatisticFacts");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "ReportingYears");

            migrationBuilder.DropTable(
                name: "DimensionMembers");

            migrationBuilder.DropTable(
                name: "Metrics");

            migrationBuilder.DropTable(
                name: "ResultAreas");

            migrationBuilder.DropTable(
                name: "Dimensions");

            migrationBuilder.DropTable(
                name: "Frameworks");
        }
    }
}
