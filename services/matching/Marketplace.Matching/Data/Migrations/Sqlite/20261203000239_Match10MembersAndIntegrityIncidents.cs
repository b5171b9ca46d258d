using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Match10MembersAndIntegrityIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integrity_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpenedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrity_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_members",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Roles = table.Column<string>(type: "TEXT", nullable: false),
                    Manager = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_members", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_integrity_incidents_DetectedAt",
                table: "integrity_incidents",
                column: "DetectedAt");

            migrationBuilder.CreateIndex(
                name: "IX_integrity_incidents_ScenarioId",
                table: "integrity_incidents",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_members_OrganisationId",
                table: "organisation_members",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integrity_incidents");

            migrationBuilder.DropTable(
                name: "organisation_members");
        }
    }
}
