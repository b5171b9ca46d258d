using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Funding.Data.Migrations.Sqlite
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
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
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

            // Existing assignments (in the applications' JSON column) get their slots. Guids are stored upper-case;
            // instants as EF's DateTimeOffsetToBinaryConverter writes them: (local ticks / 1000) << 11 | offset minutes.
            migrationBuilder.Sql("""
                INSERT INTO assessor_slots ("ApplicationId", "AssessorId", "AssignedAt", "Response")
                SELECT "Id", upper(assessor),
                       (CAST(round((julianday(substr(assigned, 1, length(assigned) - 6)) - 1721425.5) * 864000000) AS INTEGER) << 11)
                       | ((CASE substr(assigned, -6, 1) WHEN '-' THEN -1 ELSE 1 END
                           * (CAST(substr(assigned, -5, 2) AS INTEGER) * 60 + CAST(substr(assigned, -2, 2) AS INTEGER))) & 2047),
                       CASE response WHEN 1 THEN 'Accepted' WHEN 2 THEN 'Declined' ELSE 'Pending' END
                FROM (SELECT a."Id", json_extract(e.value, '$.assessorId') AS assessor, json_extract(e.value, '$.assignedAt') AS assigned,
                             json_extract(e.value, '$.response') AS response
                      FROM applications a, json_each(a."Assessments") e);
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
