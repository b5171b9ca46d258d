using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Funding.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberDisplayName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "organisation_members",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "organisation_members");
        }
    }
}
