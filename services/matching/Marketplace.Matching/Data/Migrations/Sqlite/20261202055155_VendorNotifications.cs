using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VendorNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MatchRevision",
                table: "vendor_profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MatchedRevision",
                table: "vendor_profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MatchRevision",
                table: "open_scenarios",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MatchedRevision",
                table: "open_scenarios",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "vendor_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BodyZh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_notifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_notifications_Key",
                table: "vendor_notifications",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_notifications_VendorId_CreatedAt",
                table: "vendor_notifications",
                columns: new[] { "VendorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_notifications_VendorId_Key",
                table: "vendor_notifications",
                columns: new[] { "VendorId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vendor_notifications");

            migrationBuilder.DropColumn(
                name: "MatchRevision",
                table: "vendor_profiles");

            migrationBuilder.DropColumn(
                name: "MatchedRevision",
                table: "vendor_profiles");

            migrationBuilder.DropColumn(
                name: "MatchRevision",
                table: "open_scenarios");

            migrationBuilder.DropColumn(
                name: "MatchedRevision",
                table: "open_scenarios");
        }
    }
}
