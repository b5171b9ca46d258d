using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Funding.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssessorSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessor_slots",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Response = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessor_slots", x => new { x.ApplicationId, x.AssessorId });
                    table.ForeignKey(
                        name: "FK_assessor_slots_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessor_slots_AssessorId_AssignedAt",
                table: "assessor_slots",
                columns: new[] { "AssessorId", "AssignedAt" });

            // Existing assignments (in the applications' JSON column) get their slots.
            migrationBuilder.Sql("""
                INSERT INTO assessor_slots ("ApplicationId", "AssessorId", "AssignedAt", "Response")
                SELECT a."Id", (e->>'assessorId')::uuid, (e->>'assignedAt')::timestamptz,
                       CASE (e->>'response')::int WHEN 1 THEN 'Accepted' WHEN 2 THEN 'Declined' ELSE 'Pending' END
                FROM applications a CROSS JOIN LATERAL json_array_elements(a."Assessments"::json) e;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessor_slots");
        }
    }
}
