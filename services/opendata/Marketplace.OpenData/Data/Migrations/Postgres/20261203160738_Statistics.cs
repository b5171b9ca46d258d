using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.OpenData.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Area",
                table: "scenarios",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwardedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "scenarios",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CompletedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Proposals",
                table: "scenarios",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "scenarios",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "scenarios",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Scenarios indexed before statistics existed were published; their later facts were not kept.
                defaultValue: "Open");

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "scenarios",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "scenarios",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwardedAt",
                table: "projects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "projects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PaidHkd",
                table: "applications",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "replication_interests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SuccessCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sector = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_replication_interests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "success_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sector = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_success_cases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_projects_ScenarioId",
                table: "projects",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_replication_interests_SuccessCaseId",
                table: "replication_interests",
                column: "SuccessCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_success_cases_DepartmentId",
                table: "success_cases",
                column: "DepartmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batches");

            migrationBuilder.DropTable(
                name: "replication_interests");

            migrationBuilder.DropTable(
                name: "success_cases");

            migrationBuilder.DropIndex(
                name: "IX_projects_ScenarioId",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Area",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "AwardedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Proposals",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Sector",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "TitleZh",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "AwardedAt",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "PaidHkd",
                table: "applications");
        }
    }
}
