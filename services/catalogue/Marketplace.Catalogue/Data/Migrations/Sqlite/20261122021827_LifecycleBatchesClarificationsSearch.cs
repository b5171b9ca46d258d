using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Catalogue.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LifecycleBatchesClarificationsSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AiRiskTier",
                table: "scenarios",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AmendmentCount",
                table: "scenarios",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AwardedAt",
                table: "scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AwardedVendorId",
                table: "scenarios",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BatchId",
                table: "scenarios",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "scenarios",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "scenarios",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DataDescriptionEn",
                table: "scenarios",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DataDescriptionZh",
                table: "scenarios",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DataFormat",
                table: "scenarios",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "DeliveryStartedAt",
                table: "scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kpis",
                table: "scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "scenarios",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProposalsClosedAt",
                table: "scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "scenarios",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchBody",
                table: "scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchTitle",
                table: "scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposalDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clarifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AskerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskerUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnswerZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clarifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenario_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SummaryZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", nullable: false),
                    DeadlineBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadlineAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    AmendedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmendedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenario_amendments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_BatchId_Status",
                table: "scenarios",
                columns: new[] { "BatchId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_Status_ProposalDeadline",
                table: "scenarios",
                columns: new[] { "Status", "ProposalDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_batches_Year_Number",
                table: "batches",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clarifications_AskerOrganisationId",
                table: "clarifications",
                column: "AskerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_clarifications_ScenarioId_AskedAt",
                table: "clarifications",
                columns: new[] { "ScenarioId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scenario_amendments_ScenarioId_Number",
                table: "scenario_amendments",
                columns: new[] { "ScenarioId", "Number" },
                unique: true);

            // Scenarios from before the lifecycle: "Closed" was the old name of "Cancelled".
            migrationBuilder.Sql("UPDATE scenarios SET \"Status\" = 'Cancelled' WHERE \"Status\" = 'Closed';");

            // Full-text search (SqliteScenarioSearch): an FTS5 index over the search tokens, kept in
            // step with the scenarios table by triggers. A later migration that rebuilds the scenarios
            // table (SQLite's way of altering columns) drops these triggers and must create them again
            // and run the 'rebuild' command.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE scenario_search USING fts5(
                    "SearchTitle", "SearchBody", content='scenarios', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER scenarios_search_insert AFTER INSERT ON scenarios BEGIN
                    INSERT INTO scenario_search(rowid, "SearchTitle", "SearchBody") VALUES (new.rowid, new."SearchTitle", new."SearchBody");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER scenarios_search_delete AFTER DELETE ON scenarios BEGIN
                    INSERT INTO scenario_search(scenario_search, rowid, "SearchTitle", "SearchBody") VALUES ('delete', old.rowid, old."SearchTitle", old."SearchBody");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER scenarios_search_update AFTER UPDATE OF "SearchTitle", "SearchBody" ON scenarios BEGIN
                    INSERT INTO scenario_search(scenario_search, rowid, "SearchTitle", "SearchBody") VALUES ('delete', old.rowid, old."SearchTitle", old."SearchBody");
                    INSERT INTO scenario_search(rowid, "SearchTitle", "SearchBody") VALUES (new.rowid, new."SearchTitle", new."SearchBody");
                END;
                """);
            migrationBuilder.Sql("INSERT INTO scenario_search(scenario_search) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS scenarios_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS scenarios_search_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS scenarios_search_update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS scenario_search;");

            migrationBuilder.DropTable(
                name: "batches");

            migrationBuilder.DropTable(
                name: "clarifications");

            migrationBuilder.DropTable(
                name: "scenario_amendments");

            migrationBuilder.DropIndex(
                name: "IX_scenarios_BatchId_Status",
                table: "scenarios");

            migrationBuilder.DropIndex(
                name: "IX_scenarios_Status_ProposalDeadline",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "AiRiskTier",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "AmendmentCount",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "AwardedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "AwardedVendorId",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "DataDescriptionEn",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "DataDescriptionZh",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "DataFormat",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "DeliveryStartedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Kpis",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "ProposalsClosedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "SearchBody",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "SearchTitle",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "scenarios");
        }
    }
}
