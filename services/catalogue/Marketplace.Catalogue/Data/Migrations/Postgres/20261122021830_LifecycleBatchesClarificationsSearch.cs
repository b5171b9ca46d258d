using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Marketplace.Catalogue.Data.Migrations.Postgres
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
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AmendmentCount",
                table: "scenarios",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApprovedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwardedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AwardedVendorId",
                table: "scenarios",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BatchId",
                table: "scenarios",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CompletedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "scenarios",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "scenarios",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DataDescriptionEn",
                table: "scenarios",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DataDescriptionZh",
                table: "scenarios",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DataFormat",
                table: "scenarios",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveryStartedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kpis",
                table: "scenarios",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "scenarios",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProposalsClosedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "scenarios",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchBody",
                table: "scenarios",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchTitle",
                table: "scenarios",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "scenarios",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(array_to_tsvector(string_to_array(\"SearchTitle\", ' ')), 'A') || setweight(array_to_tsvector(string_to_array(\"SearchBody\", ' ')), 'B')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DescriptionZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProposalDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clarifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AskerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskerUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnswerEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnswerZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clarifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenario_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SummaryZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ChangedFields = table.Column<List<string>>(type: "text[]", nullable: false),
                    DeadlineBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeadlineAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AmendedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_scenarios_SearchVector",
                table: "scenarios",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_scenarios_SearchVector",
                table: "scenarios");

            migrationBuilder.DropIndex(
                name: "IX_scenarios_Status_ProposalDeadline",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "SearchVector",
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
