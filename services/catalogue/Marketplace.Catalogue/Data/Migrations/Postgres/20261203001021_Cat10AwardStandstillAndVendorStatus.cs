using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Catalogue.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cat10AwardStandstillAndVendorStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "AwardedValueHkd",
                table: "scenarios",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "CancelledProjectIds",
                table: "scenarios",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StandstillEndsAt",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "organisation_names",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Names held before statuses were kept belonged to organisations the catalogue already accepted.
                defaultValue: "Approved");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusAsOf",
                table: "organisation_names",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));
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
