using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Catalogue.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cat10AwardStandstillAndVendorStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AwardedValueHkd",
                table: "scenarios",
                type: "INTEGER",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledProjectIds",
                table: "scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "StandstillEndsAt",
                table: "scenarios",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "organisation_names",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                // Names held before statuses were kept belonged to organisations the catalogue already accepted.
                defaultValue: "Approved");

            migrationBuilder.AddColumn<long>(
                name: "StatusAsOf",
                table: "organisation_names",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwardedValueHkd",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "CancelledProjectIds",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "StandstillEndsAt",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "organisation_names");

            migrationBuilder.DropColumn(
                name: "StatusAsOf",
                table: "organisation_names");
        }
    }
}
