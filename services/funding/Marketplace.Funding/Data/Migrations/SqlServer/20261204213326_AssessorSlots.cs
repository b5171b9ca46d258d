using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Funding.Data.Migrations.SqlServer
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
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Response = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false, collation: "Latin1_General_100_BIN2")
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
                INSERT INTO [assessor_slots] ([ApplicationId], [AssessorId], [AssignedAt], [Response])
                SELECT a.[Id], j.assessorId, j.assignedAt,
                       CASE j.response WHEN 1 THEN N'Accepted' WHEN 2 THEN N'Declined' ELSE N'Pending' END
                FROM [applications] a
                CROSS APPLY OPENJSON(a.[Assessments]) WITH (assessorId uniqueidentifier '$.assessorId', assignedAt datetimeoffset '$.assignedAt', response int '$.response') j;
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
