using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VendorProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AmendmentNumber",
                table: "open_scenarios",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProblemEn",
                table: "open_scenarios",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProblemZh",
                table: "open_scenarios",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "vendor_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SizeClass = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DetailsAsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusAsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vendor_projects",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "vendor_solutions",
                columns: table => new
                {
                    SolutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Capabilities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Sectors = table.Column<List<string>>(type: "text[]", nullable: false),
                    Tokens = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_solutions", x => x.SolutionId);
                });

            migrationBuilder.CreateTable(
                name: "vendor_success_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_success_cases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_projects_VendorId",
                table: "vendor_projects",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_solutions_VendorId",
                table: "vendor_solutions",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_success_cases_VendorId",
                table: "vendor_success_cases",
                column: "VendorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vendor_profiles");

            migrationBuilder.DropTable(
                name: "vendor_projects");

            migrationBuilder.DropTable(
                name: "vendor_solutions");

            migrationBuilder.DropTable(
                name: "vendor_success_cases");

            migrationBuilder.DropColumn(
                name: "AmendmentNumber",
                table: "open_scenarios");

            migrationBuilder.DropColumn(
                name: "ProblemEn",
                table: "open_scenarios");

            migrationBuilder.DropColumn(
                name: "ProblemZh",
                table: "open_scenarios");
        }
    }
}
