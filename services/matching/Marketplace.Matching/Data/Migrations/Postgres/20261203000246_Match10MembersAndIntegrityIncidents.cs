using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrity_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_members",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Roles = table.Column<string[]>(type: "text[]", nullable: false),
                    Manager = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    AsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
