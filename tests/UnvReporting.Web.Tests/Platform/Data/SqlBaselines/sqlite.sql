-- year table, PublishedOnly
SELECT "r"."Year", "f"."Code", "r"."Status", "r"."DocumentSymbol", "r"."FrameworkId", "r"."ReturnComment", "r"."Version", "r"."StatedGreen", "r"."StatedGrey", "r"."StatedSummaryLocator", "r"."StatedRed", "r"."StatedYellow", "f"."GreenFrom", "f"."YellowFrom"
FROM "ReportingYears" AS "r"
INNER JOIN "Frameworks" AS "f" ON "r"."FrameworkId" = "f"."Id"
WHERE "r"."Status" = 'Published' AND "r"."Year" = @year
LIMIT 2;

SELECT "i"."Year", "f"."Code", "i0"."Key", "i"."CodeAsPublished", "i0"."SortOrder", "r1"."Kind", "r1"."Code", "r1"."TitleEn", "r1"."TitleZh", "r1"."SortOrder", "r2"."Code", "r2"."TitleEn", "r2"."TitleZh", "r2"."SortOrder", "i"."TitleEn", "i"."TitleZh", "i"."Unit", "i"."IsCumulative", "i"."Direction", "i"."Milestone", "i"."Result", "i"."PublishedScorePercent", "i"."PublishedRating", "i"."PublishedRatingBasis", "i"."SourceDocument", "i"."SourceLocator", "i"."NarrativeEn", "i"."NarrativeZh", "i"."Note", "f"."GreenFrom", "f"."YellowFrom", "r0"."Status", "i"."RevisedOn", "i"."RevisionReason", "i"."MissingDataReason", "i"."Version"
FROM "IndicatorYears" AS "i"
INNER JOIN "ReportingYears" AS "r0" ON "i"."Year" = "r0"."Year"
INNER JOIN "Indicators" AS "i0" ON "i"."IndicatorId" = "i0"."Id"
INNER JOIN "Frameworks" AS "f" ON "i0"."FrameworkId" = "f"."Id"
INNER JOIN "ResultAreas" AS "r1" ON "i0"."AreaId" = "r1"."Id"
LEFT JOIN "ResultAreas" AS "r2" ON "r1"."ParentId" = "r2"."Id"
WHERE EXISTS (
    SELECT 1
    FROM "ReportingYears" AS "r"
    WHERE "r"."Status" = 'Published' AND ("r"."Year" = "i"."Year" OR "r"."DocumentSymbol" = "i"."SourceDocument")) AND "i"."Year" = @heading_Year;

-- previous years of a year table, PublishedOnly
SELECT "i"."Year", "f"."Code", "i0"."Key", "i"."CodeAsPublished", "i0"."SortOrder", "r2"."Kind", "r2"."Code", "r2"."TitleEn", "r2"."TitleZh", "r2"."SortOrder", "r3"."Code", "r3"."TitleEn", "r3"."TitleZh", "r3"."SortOrder", "i"."TitleEn", "i"."TitleZh", "i"."Unit", "i"."IsCumulative", "i"."Direction", "i"."Milestone", "i"."Result", "i"."PublishedScorePercent", "i"."PublishedRating", "i"."PublishedRatingBasis", "i"."SourceDocument", "i"."SourceLocator", "i"."NarrativeEn", "i"."NarrativeZh", "i"."Note", "f"."GreenFrom", "f"."YellowFrom", "r1"."Status", "i"."RevisedOn", "i"."RevisionReason", "i"."MissingDataReason", "i"."Version"
FROM "IndicatorYears" AS "i"
INNER JOIN "Indicators" AS "i0" ON "i"."IndicatorId" = "i0"."Id"
INNER JOIN (
    SELECT "i2"."Key", MAX("i1"."Year") AS "Year"
    FROM "IndicatorYears" AS "i1"
    INNER JOIN "Indicators" AS "i2" ON "i1"."IndicatorId" = "i2"."Id"
    WHERE "i1"."Year" IN (
        SELECT "r0"."Year"
        FROM "ReportingYears" AS "r0"
        WHERE "r0"."Status" = 'Published' AND "r0"."Year" < @year
    )
    GROUP BY "i2"."Key"
) AS "s" ON "i0"."Key" = "s"."Key" AND "i"."Year" = "s"."Year"
INNER JOIN "ReportingYears" AS "r1" ON "i"."Year" = "r1"."Year"
INNER JOIN "Frameworks" AS "f" ON "i0"."FrameworkId" = "f"."Id"
INNER JOIN "ResultAreas" AS "r2" ON "i0"."AreaId" = "r2"."Id"
LEFT JOIN "ResultAreas" AS "r3" ON "r2"."ParentId" = "r3"."Id"
WHERE EXISTS (
    SELECT 1
    FROM "ReportingYears" AS "r"
    WHERE "r"."Status" = 'Published' AND ("r"."Year" = "i"."Year" OR "r"."DocumentSymbol" = "i"."SourceDocument"));

-- indicator history, PublishedOnly
SELECT "i"."Year", "f"."Code", "i0"."Key", "i"."CodeAsPublished", "i0"."SortOrder", "r1"."Kind", "r1"."Code", "r1"."TitleEn", "r1"."TitleZh", "r1"."SortOrder", "r2"."Code", "r2"."TitleEn", "r2"."TitleZh", "r2"."SortOrder", "i"."TitleEn", "i"."TitleZh", "i"."Unit", "i"."IsCumulative", "i"."Direction", "i"."Milestone", "i"."Result", "i"."PublishedScorePercent", "i"."PublishedRating", "i"."PublishedRatingBasis", "i"."SourceDocument", "i"."SourceLocator", "i"."NarrativeEn", "i"."NarrativeZh", "i"."Note", "f"."GreenFrom", "f"."YellowFrom", "r0"."Status", "i"."RevisedOn", "i"."RevisionReason", "i"."MissingDataReason", "i"."Version"
FROM "IndicatorYears" AS "i"
INNER JOIN "Indicators" AS "i0" ON "i"."IndicatorId" = "i0"."Id"
INNER JOIN "ReportingYears" AS "r0" ON "i"."Year" = "r0"."Year"
INNER JOIN "Frameworks" AS "f" ON "i0"."FrameworkId" = "f"."Id"
INNER JOIN "ResultAreas" AS "r1" ON "i0"."AreaId" = "r1"."Id"
LEFT JOIN "ResultAreas" AS "r2" ON "r1"."ParentId" = "r2"."Id"
WHERE EXISTS (
    SELECT 1
    FROM "ReportingYears" AS "r"
    WHERE "r"."Status" = 'Published' AND ("r"."Year" = "i"."Year" OR "r"."DocumentSymbol" = "i"."SourceDocument")) AND "i0"."Key" = @key;

-- statistics of a year, PublishedOnly
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m"."Unit"
    FROM "Metrics" AS "m"
    WHERE "m"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE EXISTS (
    SELECT 1
    FROM "ReportingYears" AS "r"
    WHERE "r"."Status" = 'Published' AND ("r"."Year" = "s"."Year" OR "r"."DocumentSymbol" = "s"."SourceDocument")) AND "s"."Year" = @year
ORDER BY "s"."MetricKey", "s"."Dimension", "s"."Member";

-- statistics of years, PublishedOnly
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m"."Unit"
    FROM "Metrics" AS "m"
    WHERE "m"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE EXISTS (
    SELECT 1
    FROM "ReportingYears" AS "r"
    WHERE "r"."Status" = 'Published' AND ("r"."Year" = "s"."Year" OR "r"."DocumentSymbol" = "s"."SourceDocument")) AND "s"."Year" IN (
    SELECT "y"."value"
    FROM json_each(@years) AS "y"
)
ORDER BY "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Year";

-- drawn statistics of years, PublishedOnly
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m0"."Unit"
    FROM "Metrics" AS "m0"
    WHERE "m0"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE EXISTS (
    SELECT 1
    FROM "ReportingYears" AS "r"
    WHERE "r"."Status" = 'Published' AND ("r"."Year" = "s"."Year" OR "r"."DocumentSymbol" = "s"."SourceDocument")) AND "s"."Year" IN (
    SELECT "y"."value"
    FROM json_each(@years) AS "y"
) AND "s"."MetricKey" IN (
    SELECT "m"."value"
    FROM json_each(@metrics) AS "m"
)
ORDER BY "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Year";

-- statistics of a metric, PublishedOnly
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m"."Unit"
    FROM "Metrics" AS "m"
    WHERE "m"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE EXISTS (
    SELECT 1
    FROM "ReportingYears" AS "r"
    WHERE "r"."Status" = 'Published' AND ("r"."Year" = "s"."Year" OR "r"."DocumentSymbol" = "s"."SourceDocument")) AND "s"."MetricKey" = @metric
ORDER BY "s"."Year", "s"."Dimension", "s"."Member";

-- year table, Everything
SELECT "r"."Year", "f"."Code", "r"."Status", "r"."DocumentSymbol", "r"."FrameworkId", "r"."ReturnComment", "r"."Version", "r"."StatedGreen", "r"."StatedGrey", "r"."StatedSummaryLocator", "r"."StatedRed", "r"."StatedYellow", "f"."GreenFrom", "f"."YellowFrom"
FROM "ReportingYears" AS "r"
INNER JOIN "Frameworks" AS "f" ON "r"."FrameworkId" = "f"."Id"
WHERE "r"."Year" = @year
LIMIT 2;

SELECT "i"."Year", "f"."Code", "i0"."Key", "i"."CodeAsPublished", "i0"."SortOrder", "r0"."Kind", "r0"."Code", "r0"."TitleEn", "r0"."TitleZh", "r0"."SortOrder", "r1"."Code", "r1"."TitleEn", "r1"."TitleZh", "r1"."SortOrder", "i"."TitleEn", "i"."TitleZh", "i"."Unit", "i"."IsCumulative", "i"."Direction", "i"."Milestone", "i"."Result", "i"."PublishedScorePercent", "i"."PublishedRating", "i"."PublishedRatingBasis", "i"."SourceDocument", "i"."SourceLocator", "i"."NarrativeEn", "i"."NarrativeZh", "i"."Note", "f"."GreenFrom", "f"."YellowFrom", "r"."Status", "i"."RevisedOn", "i"."RevisionReason", "i"."MissingDataReason", "i"."Version"
FROM "IndicatorYears" AS "i"
INNER JOIN "ReportingYears" AS "r" ON "i"."Year" = "r"."Year"
INNER JOIN "Indicators" AS "i0" ON "i"."IndicatorId" = "i0"."Id"
INNER JOIN "Frameworks" AS "f" ON "i0"."FrameworkId" = "f"."Id"
INNER JOIN "ResultAreas" AS "r0" ON "i0"."AreaId" = "r0"."Id"
LEFT JOIN "ResultAreas" AS "r1" ON "r0"."ParentId" = "r1"."Id"
WHERE "i"."Year" = @heading_Year;

-- previous years of a year table, Everything
SELECT "i"."Year", "f"."Code", "i0"."Key", "i"."CodeAsPublished", "i0"."SortOrder", "r1"."Kind", "r1"."Code", "r1"."TitleEn", "r1"."TitleZh", "r1"."SortOrder", "r2"."Code", "r2"."TitleEn", "r2"."TitleZh", "r2"."SortOrder", "i"."TitleEn", "i"."TitleZh", "i"."Unit", "i"."IsCumulative", "i"."Direction", "i"."Milestone", "i"."Result", "i"."PublishedScorePercent", "i"."PublishedRating", "i"."PublishedRatingBasis", "i"."SourceDocument", "i"."SourceLocator", "i"."NarrativeEn", "i"."NarrativeZh", "i"."Note", "f"."GreenFrom", "f"."YellowFrom", "r0"."Status", "i"."RevisedOn", "i"."RevisionReason", "i"."MissingDataReason", "i"."Version"
FROM "IndicatorYears" AS "i"
INNER JOIN "Indicators" AS "i0" ON "i"."IndicatorId" = "i0"."Id"
INNER JOIN (
    SELECT "i2"."Key", MAX("i1"."Year") AS "Year"
    FROM "IndicatorYears" AS "i1"
    INNER JOIN "Indicators" AS "i2" ON "i1"."IndicatorId" = "i2"."Id"
    WHERE "i1"."Year" IN (
        SELECT "r"."Year"
        FROM "ReportingYears" AS "r"
        WHERE "r"."Year" < @year
    )
    GROUP BY "i2"."Key"
) AS "s" ON "i0"."Key" = "s"."Key" AND "i"."Year" = "s"."Year"
INNER JOIN "ReportingYears" AS "r0" ON "i"."Year" = "r0"."Year"
INNER JOIN "Frameworks" AS "f" ON "i0"."FrameworkId" = "f"."Id"
INNER JOIN "ResultAreas" AS "r1" ON "i0"."AreaId" = "r1"."Id"
LEFT JOIN "ResultAreas" AS "r2" ON "r1"."ParentId" = "r2"."Id";

-- indicator history, Everything
SELECT "i"."Year", "f"."Code", "i0"."Key", "i"."CodeAsPublished", "i0"."SortOrder", "r0"."Kind", "r0"."Code", "r0"."TitleEn", "r0"."TitleZh", "r0"."SortOrder", "r1"."Code", "r1"."TitleEn", "r1"."TitleZh", "r1"."SortOrder", "i"."TitleEn", "i"."TitleZh", "i"."Unit", "i"."IsCumulative", "i"."Direction", "i"."Milestone", "i"."Result", "i"."PublishedScorePercent", "i"."PublishedRating", "i"."PublishedRatingBasis", "i"."SourceDocument", "i"."SourceLocator", "i"."NarrativeEn", "i"."NarrativeZh", "i"."Note", "f"."GreenFrom", "f"."YellowFrom", "r"."Status", "i"."RevisedOn", "i"."RevisionReason", "i"."MissingDataReason", "i"."Version"
FROM "IndicatorYears" AS "i"
INNER JOIN "Indicators" AS "i0" ON "i"."IndicatorId" = "i0"."Id"
INNER JOIN "ReportingYears" AS "r" ON "i"."Year" = "r"."Year"
INNER JOIN "Frameworks" AS "f" ON "i0"."FrameworkId" = "f"."Id"
INNER JOIN "ResultAreas" AS "r0" ON "i0"."AreaId" = "r0"."Id"
LEFT JOIN "ResultAreas" AS "r1" ON "r0"."ParentId" = "r1"."Id"
WHERE "i0"."Key" = @key;

-- statistics of a year, Everything
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m"."Unit"
    FROM "Metrics" AS "m"
    WHERE "m"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE "s"."Year" = @year
ORDER BY "s"."MetricKey", "s"."Dimension", "s"."Member";

-- statistics of years, Everything
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m"."Unit"
    FROM "Metrics" AS "m"
    WHERE "m"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE "s"."Year" IN (
    SELECT "y"."value"
    FROM json_each(@years) AS "y"
)
ORDER BY "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Year";

-- drawn statistics of years, Everything
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m0"."Unit"
    FROM "Metrics" AS "m0"
    WHERE "m0"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE "s"."Year" IN (
    SELECT "y"."value"
    FROM json_each(@years) AS "y"
) AND "s"."MetricKey" IN (
    SELECT "m"."value"
    FROM json_each(@metrics) AS "m"
)
ORDER BY "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Year";

-- statistics of a metric, Everything
SELECT "s"."Year", "s"."MetricKey", "s"."Dimension", "s"."Member", "s"."Value", (
    SELECT "m"."Unit"
    FROM "Metrics" AS "m"
    WHERE "m"."Key" = "s"."MetricKey"
    LIMIT 1), "s"."Qualifier", "s"."SourceDocument", "s"."SourceLocator", "s"."Note"
FROM "StatisticFacts" AS "s"
WHERE "s"."MetricKey" = @metric
ORDER BY "s"."Year", "s"."Dimension", "s"."Member";

