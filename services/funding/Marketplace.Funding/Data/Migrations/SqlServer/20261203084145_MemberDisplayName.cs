using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Funding.Data.Migrations.SqlServer
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
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");
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
