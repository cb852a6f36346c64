using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UnitChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "Communes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidTo",
                table: "Communes",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnitChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    FromCommune = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    ToCommune = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    DossierCode = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    DossiersMoved = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Communes_SuccessorCode",
                table: "Communes",
                column: "SuccessorCode");

            migrationBuilder.CreateIndex(
                name: "IX_UnitChanges_At",
                table: "UnitChanges",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitChanges");

            migrationBuilder.DropIndex(
                name: "IX_Communes_SuccessorCode",
                table: "Communes");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "Communes");

            migrationBuilder.DropColumn(
                name: "ValidTo",
                table: "Communes");
        }
    }
}
