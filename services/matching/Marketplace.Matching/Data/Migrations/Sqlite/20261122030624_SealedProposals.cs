using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "open_scenarios",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ProposalsOpenedAt",
                table: "open_scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PriceHkd = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    DataResidencyCompliant = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupportLevel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TeamRoles = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmedAmendment = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedAtOpening = table.Column<bool>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_ScenarioId_Status",
                table: "proposals",
                columns: new[] { "ScenarioId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_VendorOrganisationId",
                table: "proposals",
                column: "VendorOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "open_scenarios");

            migrationBuilder.DropColumn(
                name: "ProposalsOpenedAt",
                table: "open_scenarios");
        }
    }
}
