using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Sqlite
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
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QualityWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    InnovationWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Normalise = table.Column<bool>(type: "INTEGER", nullable: false),
                    Evaluators = table.Column<string>(type: "TEXT", nullable: false),
                    Declarations = table.Column<string>(type: "TEXT", nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    AwardedProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AwardJustification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StandstillEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AwardCancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
