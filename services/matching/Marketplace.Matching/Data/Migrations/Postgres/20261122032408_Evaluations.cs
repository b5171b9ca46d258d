using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualityWeight = table.Column<int>(type: "integer", nullable: false),
                    PriceWeight = table.Column<int>(type: "integer", nullable: false),
                    InnovationWeight = table.Column<int>(type: "integer", nullable: false),
                    Normalise = table.Column<bool>(type: "boolean", nullable: false),
                    Evaluators = table.Column<List<string>>(type: "text[]", nullable: false),
                    Declarations = table.Column<string>(type: "text", nullable: false),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    AwardedProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    AwardJustification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StandstillEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AwardCancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluations", x => x.ScenarioId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluations");
        }
    }
}
