using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cat10DeliveryStartedAndTypedVendors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "vendor_profiles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "SizeClass",
                table: "vendor_profiles",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10);

            // Unknown size class or status was stored as an empty string; the typed columns say null.
            migrationBuilder.Sql("UPDATE vendor_profiles SET \"SizeClass\" = NULL WHERE \"SizeClass\" = ''");
            migrationBuilder.Sql("UPDATE vendor_profiles SET \"Status\" = NULL WHERE \"Status\" = ''");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveryStartedAt",
                table: "evaluations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveryStartedAt",
                table: "evaluations");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "vendor_profiles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SizeClass",
                table: "vendor_profiles",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10,
                oldNullable: true);
        }
    }
}
