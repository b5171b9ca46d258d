using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProblemEn",
                table: "open_scenarios",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProblemZh",
                table: "open_scenarios",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "vendor_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SizeClass = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DetailsAsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusAsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vendor_projects",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "vendor_solutions",
                columns: table => new
                {
                    SolutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Capabilities = table.Column<string>(type: "TEXT", nullable: false),
                    Sectors = table.Column<string>(type: "TEXT", nullable: false),
                    Tokens = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_solutions", x => x.SolutionId);
                });

            migrationBuilder.CreateTable(
                name: "vendor_success_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
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
