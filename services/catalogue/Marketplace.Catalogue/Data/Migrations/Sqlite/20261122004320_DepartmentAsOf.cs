using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Catalogue.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DepartmentAsOf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AsOf",
                table: "departments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AsOf",
                table: "departments");
        }
    }
}
